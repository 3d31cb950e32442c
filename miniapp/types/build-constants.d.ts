import type { RoleGrant, RoleName, RouteName, ScopedRole } from '@citycare/contract';

/** Constants that config/index.ts defines at build time (defineConstants). */
declare global {
  /** Each contract route as `METHOD /path`, ` public` after one without sign-in (the schemas stay out of the app). */
  const CONTRACT_ROUTES: { readonly [N in RouteName]: string };
  /** The contract's ROLE_LABELS. */
  const CONTRACT_ROLE_LABELS: Readonly<Record<RoleName, string>>;
  /** The contract's SCOPED_ROLES. */
  const CONTRACT_SCOPED_ROLES: readonly ScopedRole[];
  /** The contract's OPTIONALLY_SCOPED_ROLES. */
  const CONTRACT_OPTIONALLY_SCOPED_ROLES: readonly RoleName[];
  /** Demo sign-in accounts from config/city.yml; empty unless the stage is `local`. */
  const DEMO_ACCOUNTS: ReadonlyArray<{ key: string; displayName: string; roles: ReadonlyArray<RoleGrant> }>;
  /** Display names of role scopes (communities, places, stores, utilities) from config/city.yml. */
  const SCOPE_NAMES: Readonly<Record<string, string>>;
}

export {};
