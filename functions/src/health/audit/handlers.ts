import { openCursor, sealCursor } from '../../lib/cursor';
import { badRequest } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { OFFICIAL_READS } from '../keys';
import { QUEUE_PAGE } from '../queues';
import { clock, users } from '../wiring';
import { auditEntry, type AuditFilter } from './rules';
import { auditPage, auditRead, positionKeys } from './storage';

/** Officials' audit log: who looked at whom, when and why. Reading it is itself audited. */

/** A cursor is sealed for one filter: it cannot be replayed with another. */
const scopeOf = (f: AuditFilter) => `health.audit:${f.officialId ?? ''}:${f.residentId ?? ''}`;

/** Where a page starts: undefined for the first; 400 for a cursor that is not a position of this filter's query. */
async function pageStart(filter: AuditFilter, cursor: string | undefined) {
  if (!cursor) return undefined;
  const start = await openCursor(scopeOf(filter), cursor);
  const keys = positionKeys(filter);
  const shaped =
    Object.keys(start).length === keys.length &&
    keys.every((k) => typeof start[k] === 'string') &&
    start.pk === OFFICIAL_READS &&
    (!filter.residentId || start.residentId === filter.residentId);
  if (!shaped) throw badRequest('翻页参数无效，请从第一页重新加载');
  return start;
}

/**
 * GET /health/audit?officialId=&residentId=&cursor= (healthAuditLog): a page of officials' reads
 * of residents' data, newest first, filtered by official and/or resident. Officials only; the
 * read is written to the log before the page is read.
 */
export const auditLog = endpoint('healthAuditLog', { roles: ['official'] }, async ({ query, caller }) => {
  const filter: AuditFilter = { officialId: query.officialId, residentId: query.residentId };
  const start = await pageStart(filter, query.cursor);
  await auditRead(
    caller.userId,
    { action: 'health.audit.read', residentId: filter.residentId, filterOfficialId: filter.officialId },
    clock.now().toISOString(),
  );
  const page = await auditPage(filter, start, QUEUE_PAGE);
  const ids = [...new Set(page.items.map((i) => String(i.actorId)))];
  const names = new Map(await Promise.all(ids.map(async (id) => [id, await users.displayName(id)] as const)));
  return {
    entries: page.items.flatMap((row) => auditEntry(row, names.get(String(row.actorId))) ?? []),
    nextCursor: page.last ? await sealCursor(scopeOf(filter), page.last) : undefined,
  };
});
