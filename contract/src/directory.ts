import * as z from 'zod';
import type { RouteDef } from './route-def';

/** The city's reference data: districts, communities and villages, stores, places, utilities. */
export const DirectoryKind = z.enum(['district', 'community', 'store', 'place', 'utility']);
export type DirectoryKind = z.infer<typeof DirectoryKind>;

export const DirectoryEntry = z
  .object({ id: z.string(), name: z.string(), kind: DirectoryKind })
  .catchall(z.union([z.string(), z.array(z.string())]));
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const DirectoryResponse = z.object({ entries: z.array(DirectoryEntry) });
export type DirectoryResponse = z.infer<typeof DirectoryResponse>;

export const directoryRoutes = {
  directory: { method: 'GET', path: '/directory/{kind}', auth: true, response: DirectoryResponse },
} as const satisfies Record<string, RouteDef>;
