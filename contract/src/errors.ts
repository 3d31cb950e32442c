import * as z from 'zod';

/** The one error shape every failing response carries. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Error codes and the HTTP status each one maps to. */
export const ErrorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  INVALID_LOGIN_CODE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  HIGH_RISK_USER: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** A utility account is protected from disconnection (approved relief). */
  ACCOUNT_PROTECTED: 409,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 503,
  /** A write collided with a concurrent one and changed nothing: the same request can be sent again. */
  TRY_AGAIN: 503,
} as const;
export type ErrorCode = keyof typeof ErrorStatus;
