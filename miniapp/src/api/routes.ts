/**
 * The method, path and auth flag of every contract route, for use at run time. config/index.ts
 * reads them from the contract at build time, so they cannot drift from it, and the type comes from
 * the contract too. (Importing the contract's `routes` here would bundle zod and every schema.)
 */
export const ROUTES = CONTRACT_ROUTES;
