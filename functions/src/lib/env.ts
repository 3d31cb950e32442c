/**
 * Environment, read once at load through getters that throw when a value is missing, so a
 * misconfigured function fails on its first request with a clear message instead of later.
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} is not set`);
  return value;
}

export function optionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Table names, one getter each so a bundle only refers to the tables its function uses. */
export const usersTable = () => requireEnv('TABLE_USERS');
export const directoryTable = () => requireEnv('TABLE_DIRECTORY');
export const auditTable = () => requireEnv('TABLE_AUDIT');
