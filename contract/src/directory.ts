import * as z from 'zod';
import type { RouteDef } from './route-def';

/** The city's reference data: districts, communities and villages, stores, places, utilities, hotlines. */
export const DirectoryKind = z.enum(['district', 'community', 'store', 'place', 'utility', 'hotline']);
export type DirectoryKind = z.infer<typeof DirectoryKind>;

/**
 * One entry. Its `kind` is its own: a community's `community` or `village`, a place's
 * `checkpoint`, `station`, `shop`..., a utility's `water`, `power`... (what pickers and the
 * scanner label it with), not the directory it is listed in.
 */
export const DirectoryEntry = z
  .object({ id: z.string(), name: z.string(), kind: z.string() })
  .catchall(z.union([z.string(), z.array(z.string())]));
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const DirectoryResponse = z.object({ entries: z.array(DirectoryEntry) });
export type DirectoryResponse = z.infer<typeof DirectoryResponse>;

export const directoryRoutes = {
  directory: { method: 'GET', path: '/directory/{kind}', auth: true, response: DirectoryResponse },
} as const satisfies Record<string, RouteDef>;
