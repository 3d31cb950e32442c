import type { RouteName, Routes } from '@citycare/contract';

/**
 * The method, path and auth flag of every contract route, for use at run time.
 *
 * The contract's `routes` object also holds its zod schemas, so importing it at run time would put
 * zod and every schema into the mini-program's main package. This table holds only the plain parts
 * and is typed against the contract: a route added, renamed or changed there fails `tsc` here until
 * this table matches (every key required, every value the contract's literal type).
 */
type RouteTable = { readonly [N in RouteName]: Pick<Routes[N], 'method' | 'path' | 'auth'> };

export const ROUTES: RouteTable = {
  login: { method: 'POST', path: '/auth/login', auth: false },
  me: { method: 'GET', path: '/me', auth: true },
  getUser: { method: 'GET', path: '/admin/users/{userId}', auth: true },
  grantRole: { method: 'POST', path: '/admin/roles/grant', auth: true },
  revokeRole: { method: 'POST', path: '/admin/roles/revoke', auth: true },
};
