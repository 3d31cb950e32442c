import { ErrorStatus, type ErrorCode } from '@citycare/contract';

export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * An expected failure with a code from the contract. The HTTP wrapper turns it into
 * `{ error: { code, message } }` with the code's status; anything else is a bug and a 500.
 */
export interface ErrorOptions {
  /** Sent as `Retry-After` (seconds): when a 429 or 503 may be tried again. */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly options: ErrorOptions = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ErrorStatus[code];
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) => new AppError('BAD_REQUEST', message, details);
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = '没有权限进行此操作') => new AppError('FORBIDDEN', message);
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
