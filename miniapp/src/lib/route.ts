/** A fresh Idempotency-Key for one user action (reused while that action is retried). */
export function newKey(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A page's query parameter on both platforms. */
export function routeParam(params: Record<string, string | undefined> | undefined, name: string): string {
  const value = params?.[name];
  return value ? decodeURIComponent(value) : '';
}
