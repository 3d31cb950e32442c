/**
 * Environment, read once at load through getters that throw when a value is missing, so a
 * misconfigured function fails on its first request with a clear message instead of later.
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} is not set`);
  return value;
}

/** Settings read from the environment on first use (a missing one throws then), and kept. */
export function settingsOnce<T>(read: () => T): () => T {
  let settings: T | undefined;
  return () => (settings ??= read());
}

export function optionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Table names, one getter each so a bundle only refers to the tables its function uses. */
export const usersTable = () => requireEnv('TABLE_USERS');
export const directoryTable = () => requireEnv('TABLE_DIRECTORY');
export const auditTable = () => requireEnv('TABLE_AUDIT');
