import * as z from 'zod';
import { AuditRow, DeclarationView } from './health';
import type { RouteDef } from './route-def';

/**
 * A resident's history, a page at a time: status changes (the timeline) or daily declarations
 * (the table), newest first. The first page comes with the resident's detail (healthResident,
 * with `auditCursor` / `declarationsCursor`); each page gives the sealed cursor of the next.
 */
export const HistoryKind = z.enum(['audit', 'declarations']);
export type HistoryKind = z.infer<typeof HistoryKind>;

export const HistoryQuery = z.object({ kind: HistoryKind, cursor: z.string().max(2048) });

export const HistoryPageResponse = z.object({
  audit: z.array(AuditRow),
  declarations: z.array(DeclarationView),
  nextCursor: z.string().optional(),
});
export type HistoryPageResponse = z.infer<typeof HistoryPageResponse>;

export const healthHistoryRoutes = {
  healthResidentHistory: {
    method: 'GET',
    path: '/health/residents/{residentId}/history',
    auth: true,
    query: HistoryQuery,
    response: HistoryPageResponse,
  },
} as const satisfies Record<string, RouteDef>;
