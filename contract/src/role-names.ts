/**
 * The role names, once. Plain data, no zod: the mini-program imports this file at run time
 * (`@citycare/contract/src/role-names`); contract/src/auth.ts makes the schema of them.
 */

/** Roles that open a section of the staff workbench (the mini-program's `staff` subpackage). */
export const STAFF_ROLES = [
  'checkpoint',
  'store',
  'utility',
  'official',
  'regulator',
  'service',
  'admin',
  // 复工复产: a company's representative, and a district's reviewing official (scope: district id).
  'company',
  'resumption',
] as const;

/** Every role a user can hold. `resident` is everyone's; the others are granted by an admin. */
export const ROLE_NAMES = ['resident', 'worker', ...STAFF_ROLES] as const;

/**
 * The directory a scoped role's scope is picked from (and must exist in): a worker's community,
 * a checkpoint's place, a store, a utility company, a reviewing official's district.
 */
export const SCOPE_DIRECTORY = {
  worker: 'community',
  checkpoint: 'place',
  store: 'store',
  utility: 'utility',
  resumption: 'district',
} as const;
