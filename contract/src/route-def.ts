import type * as z from 'zod';

/** One HTTP endpoint: method, path, whether it needs a session, body and response schemas. */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** false: no session token needed. */
  auth: boolean;
  body?: z.ZodType;
  response: z.ZodType;
}
