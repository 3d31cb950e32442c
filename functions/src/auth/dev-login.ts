/**
 * Why an environment may not run the development login (`dev:<demo-user>` signs in as that
 * user, `dev:admin` as an admin), or null when it may. Only where secrets are local files (the
 * local stage) may it run: where they come from SSM the stage is a deployed one, whatever
 * DEV_LOGIN says. Pure and import-free, so the login wiring and the start-up scripts ask the
 * same question.
 */
export function devLoginRefusal(env: { DEV_LOGIN?: string; SECRETS_SOURCE?: string }): string | null {
  if (env.DEV_LOGIN !== 'true') return null;
  if (env.SECRETS_SOURCE === 'file') return null;
  return `the dev login is switched on where secrets come from ${env.SECRETS_SOURCE || '(unset)'}`;
}
