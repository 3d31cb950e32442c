import type { RouteName, Routes } from '@citycare/contract';

type RouteFacts = { readonly [N in RouteName]: Pick<Routes[N], 'method' | 'path' | 'auth'> };

/**
 * The method, path and auth flag of every contract route, for use at run time. config/index.ts
 * reads them from the contract at build time, so they cannot drift from it, and the type comes from
 * the contract too. (Importing the contract's `routes` here would bundle zod and every schema.)
 * The build hands each over as one string, `GET /me` or `POST /auth/login public`.
 */
export const ROUTES = Object.fromEntries(
  Object.entries(CONTRACT_ROUTES).map(([name, route]) => {
    const [method, path, open] = route.split(' ');
    return [name, { method, path, auth: open !== 'public' }];
  }),
) as unknown as RouteFacts;
