/** What every failed API call rejects with. `status` 0 means the request never got an answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';

/** The message to show for anything thrown: ours, or an unexpected bug. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '出了点问题，请稍后重试';
}
