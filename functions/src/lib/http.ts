import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import {
  paramsSchema,
  querySchema,
  routes,
  type ParamNames,
  type RoleName,
  type RouteName,
  type ResponseBody,
  type Routes,
} from '@citycare/contract';
import { AppError, unauthenticated, forbidden, type ErrorDetail } from './errors';
import { faultError, RETRY_AFTER_SECONDS } from './faults';
import { currentRequest, withRequest } from './context';
import { log } from './log';
import { authenticate, type Caller } from '../auth/caller';
import { allows } from '../auth/rules';

/** A route's path parameters: from its `params` schema, else one string per `{name}` of its path. */
type Params<N extends RouteName> = Routes[N] extends { params: z.ZodType }
  ? z.infer<Routes[N]['params']>
  : Record<ParamNames<Routes[N]['path']>, string>;

type Body<N extends RouteName> = Routes[N] extends { body: z.ZodType } ? z.infer<Routes[N]['body']> : undefined;

export interface Request<N extends RouteName> {
  body: Body<N>;
  /** Path parameters, validated by the route's contract (`paramsSchema`): never a 500 for a bad id. */
  params: Params<N>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The signed-in user; present on every route whose contract says `auth: true`. */
  caller: Caller;
  requestId: string;
}

/** A response with a status other than 200 (for example 201 Created). */
export class Reply<T> {
  constructor(
    readonly status: number,
    readonly body: T,
    /** Extra response headers, e.g. a Cache-Control for a public, cacheable answer. */
    readonly headers?: Record<string, string>,
  ) {}
}

export interface EndpointOptions {
  /** Roles allowed to call; empty: any signed-in user. Checked against fresh roles from the database. */
  roles?: readonly RoleName[];
}

export type Handler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): APIGatewayProxyStructuredResultV2 {
  return { statusCode: status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/**
 * JSON by default. A string body with a non-JSON content-type header (e.g. `text/csv`) is sent
 * as it is.
 */
function respond(reply: Reply<unknown>): APIGatewayProxyStructuredResultV2 {
  const type = reply.headers?.['content-type'];
  if (typeof reply.body === 'string' && type && !type.startsWith('application/json')) {
    return { statusCode: reply.status, headers: { 'cache-control': 'no-store', ...reply.headers }, body: reply.body };
  }
  return json(reply.status, reply.body, reply.headers);
}

function errorReply(err: AppError): APIGatewayProxyStructuredResultV2 {
  const error: { code: string; message: string; details?: ErrorDetail[] } = { code: err.code, message: err.message };
  if (err.details?.length) error.details = err.details;
  // Every 429 and 503 says when to try again; a fault's own wait wins.
  const retryAfter =
    err.options.retryAfterSeconds ??
    (err.status === 429 ? RETRY_AFTER_SECONDS.throttled : err.status === 503 ? RETRY_AFTER_SECONDS.unavailable : 0);
  return json(err.status, { error }, retryAfter ? { 'retry-after': String(retryAfter) } : undefined);
}

/** An answer served partly from the last good values (lib/cache.ts) says how old they are. */
function withCacheAge(answer: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  const age = currentRequest()?.cacheAgeSeconds;
  if (age === undefined) return answer;
  return { ...answer, headers: { ...answer.headers, 'x-cache-age': String(age) } };
}

function lowerCaseKeys(headers: Record<string, string | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
}

function refusal(issues: z.core.$ZodIssue[], where: string): AppError {
  const details = issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  return new AppError('VALIDATION_FAILED', `请求参数有误：${details[0]?.message ?? '格式不正确'}`, details);
}

/** Path parameters and query string, checked against the contract before anything else runs. */
function parseAddress(event: APIGatewayProxyEventV2, route: Routes[RouteName]) {
  const params = paramsSchema(route).safeParse(event.pathParameters ?? {});
  if (!params.success) throw refusal(params.error.issues, 'params');
  const query = querySchema(route).safeParse(event.queryStringParameters ?? {});
  if (!query.success) throw refusal(query.error.issues, 'query');
  return { params: params.data, query: query.data as Record<string, string> };
}

function parseBody(event: APIGatewayProxyEventV2, schema: z.ZodType | undefined): unknown {
  if (!schema) return undefined;
  let raw: unknown = {};
  if (event.body) {
    const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError('BAD_REQUEST', '请求内容不是有效的 JSON');
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
    throw new AppError('VALIDATION_FAILED', `请求内容有误：${details[0]?.message ?? '格式不正确'}`, details);
  }
  return parsed.data;
}

/**
 * The one HTTP wrapper: parses and validates the body against the contract, authenticates
 * and authorizes the caller, runs the domain call and maps every failure to the error shape.
 * It never throws: serverless-offline would answer 200 for a thrown error. Its calls are marked pure
 * when bundling (scripts/esbuild-plugins.js), so a bundle keeps only the handler it exports.
 */
export function endpoint<N extends RouteName>(
  name: N,
  options: EndpointOptions,
  run: (req: Request<N>) => Promise<ResponseBody<N> | Reply<ResponseBody<N>>>,
): Handler {
  const route = routes[name];
  return (event, context) => {
    const requestId = context?.awsRequestId ?? event.requestContext?.requestId ?? 'local';
    const remaining = context?.getRemainingTimeInMillis?.();
    const deadlineAt = remaining ? Date.now() + remaining : undefined;
    return withRequest({ requestId, route: name, deadlineAt }, () => serve(route, options, run, event, requestId));
  };
}

async function serve<N extends RouteName>(
  route: Routes[N],
  options: EndpointOptions,
  run: (req: Request<N>) => Promise<ResponseBody<N> | Reply<ResponseBody<N>>>,
  event: APIGatewayProxyEventV2,
  requestId: string,
): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    const { params, query } = parseAddress(event, route);
    const headers = lowerCaseKeys(event.headers);
    const body = parseBody(event, 'body' in route ? route.body : undefined) as Body<N>;
    let caller: Caller | undefined;
    if (route.auth) {
      caller = await authenticate(headers.authorization, options.roles?.some((r) => r !== 'resident') ?? false);
      if (!caller) throw unauthenticated();
      if (!allows(caller.roles, options.roles ?? [])) throw forbidden();
    }
    const result = await run({
      body,
      params: params as Params<N>,
      query,
      headers,
      caller: caller as Caller,
      requestId,
    });
    const reply = result instanceof Reply ? result : new Reply(200, result);
    return withCacheAge(respond(reply));
  } catch (err) {
    if (err instanceof AppError) {
      log.info('request refused', { errorCode: err.code, status: err.status });
      return errorReply(err);
    }
    // A slow, reset or throttled outside service (lib/faults.ts): 503 or 429 with Retry-After.
    const fault = faultError(err);
    if (fault) {
      log.warn('outside service failed', {
        errorCode: fault.code,
        error: (err as Error).name,
        message: (err as Error).message,
      });
      return errorReply(fault);
    }
    log.error('request failed', { error: (err as Error)?.stack ?? String(err) });
    return json(500, { error: { code: 'INTERNAL', message: '服务暂时出现问题，请稍后再试' } });
  }
}
