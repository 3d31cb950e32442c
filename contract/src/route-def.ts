import * as z from 'zod';

/** One HTTP endpoint: method, path, whether it needs a session, params, body and response schemas. */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** false: no session token needed. */
  auth: boolean;
  /**
   * The path parameters (`{name}` in `path`), as an object schema. Without one, every `{name}`
   * must be a `SafeId` (see `paramsSchema`).
   */
  params?: z.ZodType<Record<string, string>>;
  /** The query string, as an object schema. Without one, every value is bounded by `QUERY_LIMITS`. */
  query?: z.ZodType<Record<string, string | undefined>>;
  body?: z.ZodType;
  response: z.ZodType;
  /**
   * The body of its 4xx/5xx answers when they are not the API's own `{ error }` shape: a route
   * that answers an outside service in that service's format (WeChat Pay's notify route).
   */
  errorResponse?: z.ZodType;
}

/** `'/admin/users/{userId}'` -> `'userId'`. */
export type ParamNames<P extends string> = P extends `${string}{${infer K}}${infer Rest}`
  ? K | ParamNames<Rest>
  : never;

/** The `{name}`s of a path, in order. */
export function paramNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

/**
 * Every id the API puts in a path: user ids (`u` + 23 hex), order, group, member, complaint,
 * appeal, repair and payment ids, resident ids (base64url), store, community, place and company
 * ids (`st-xingfu`, `zq-jianshe`), utility account numbers (6 to 20 letters, digits, `-`).
 * Nothing longer than 64 characters, no `/`, `%`, `#`, space or control character.
 */
export const SafeId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, '路径参数格式不正确');

/** Bounds of a query string when a route declares no schema of its own. */
export const QUERY_LIMITS = { keys: 20, keyLength: 64, valueLength: 1024 } as const;

const DefaultQuery = z
  .record(
    z.string().max(QUERY_LIMITS.keyLength, '查询参数名过长'),
    z.string().max(QUERY_LIMITS.valueLength, '查询参数过长'),
  )
  .refine((q) => Object.keys(q).length <= QUERY_LIMITS.keys, '查询参数过多');

const derived = new WeakMap<RouteDef, z.ZodType<Record<string, string>>>();

/** The route's own params schema, or one that requires every `{name}` of its path to be a `SafeId`. */
export function paramsSchema(route: RouteDef): z.ZodType<Record<string, string>> {
  if (route.params) return route.params;
  let schema = derived.get(route);
  if (!schema) {
    schema = z.object(Object.fromEntries(paramNames(route.path).map((name) => [name, SafeId]))) as z.ZodType<
      Record<string, string>
    >;
    derived.set(route, schema);
  }
  return schema;
}

/** The route's own query schema, or the default bounds. */
export function querySchema(route: RouteDef): z.ZodType<Record<string, string | undefined>> {
  return route.query ?? DefaultQuery;
}
