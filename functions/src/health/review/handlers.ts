import { HistoryQuery } from '@citycare/contract';
import { openCursor, sealCursor } from '../../lib/cursor';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors';
import { auditRead } from '../audit/storage';
import { endpoint } from '../../lib/http';
import { NOT_YOURS } from '../access';
import { healthConfig } from '../config';
import type { DeclarationItem, ProfileItem } from '../items';
import { getProfile, profileById, residentIdByIdHash } from '../storage';
import { idNumberHash } from '../tokens';
import { auditView, declarationView, residentView, ruleNumbers } from '../views';
import { clock, users } from '../wiring';
import { applyOfficial, refusalText } from './rules';
import { changeStatus, history, historyPage, isHistoryPosition, type HistoryKind } from './storage';

/** A status under review: its detail and history, officials' changes, and finding a resident by ID number. */

/** A history cursor is sealed for one resident and one kind: it cannot be replayed for another. */
const historyScope = (residentId: string, kind: HistoryKind) => `health.history:${residentId}:${kind}`;
const sealNext = async (p: ProfileItem, kind: HistoryKind, last: Record<string, unknown> | undefined) =>
  last ? await sealCursor(historyScope(p.residentId, kind), last) : undefined;

/** The detail an owner or an official sees: status, the first page of its audit trail and of its declarations. */
async function detail(p: ProfileItem, now: string) {
  const h = await history(p, now);
  return {
    resident: residentView(p, now),
    audit: h.audit.map(auditView),
    declarations: h.declarations.map(declarationView),
    auditCursor: await sealNext(p, 'audit', h.auditLast),
    declarationsCursor: await sealNext(p, 'declarations', h.declarationsLast),
  };
}

/**
 * The resident the caller may look at: their own, or (for an official, roles re-read) anyone's,
 * that look written to the officials' audit log.
 */
async function visible(caller: { userId: string }, residentId: string, now: string): Promise<ProfileItem> {
  const own = await getProfile(caller.userId, residentId);
  if (own) return own;
  if (!(await users.isOfficial(caller.userId))) throw forbidden(NOT_YOURS);
  const p = await profileById(residentId);
  if (!p) throw notFound('找不到该居民');
  await auditRead(caller.userId, { action: 'health.resident.view', residentId: p.residentId }, now);
  return p;
}

/** GET /health/residents/{residentId} (healthResident): the owner, or an official (roles re-read), may look. */
export const resident = endpoint('healthResident', {}, async ({ params, caller }) => {
  const now = clock.now().toISOString();
  return detail(await visible(caller, params.residentId ?? '', now), now);
});

/**
 * GET /health/residents/{residentId}/history?kind=&cursor= (healthResidentHistory): the next page
 * of the timeline or the declarations, from the cursor the previous page gave. Same access as
 * the detail; a cursor of another resident or kind is a 400.
 */
export const residentHistory = endpoint('healthResidentHistory', {}, async ({ params, query, caller }) => {
  const residentId = params.residentId ?? '';
  // Already checked against the route's query schema: parsed again only for its type.
  const { kind, cursor } = HistoryQuery.parse(query);
  const start = await openCursor(historyScope(residentId, kind), cursor);
  const now = clock.now().toISOString();
  const p = await visible(caller, residentId, now);
  if (!isHistoryPosition(p, kind, start)) throw badRequest('翻页参数无效，请从第一页重新加载');
  const page = await historyPage(p, kind, now, start);
  const rows = page.items as unknown as DeclarationItem[];
  return {
    audit: kind === 'audit' ? page.items.map(auditView) : [],
    declarations: kind === 'declarations' ? rows.map(declarationView) : [],
    nextCursor: await sealNext(p, kind, page.last),
  };
});

/** POST /health/residents/{residentId}/status (healthSetStatus): an official sets or clears a status, with a reason. */
export const setStatus = endpoint('healthSetStatus', { roles: ['official'] }, async ({ params, body, caller }) => {
  const appeal = body.appealId ? { appealId: body.appealId, decision: body.reason } : undefined;
  const changed = await changeStatus(
    params.residentId ?? '',
    caller.userId,
    (p) => {
      const now = clock.now().toISOString();
      const result = applyOfficial(p.state, body.colour, body.reason, now, ruleNumbers());
      if (!result.ok) throw conflict(refusalText(result.refusal, healthConfig().redMinDays));
      return { state: result.state, change: result.change, now };
    },
    appeal,
  );
  // The answer shows the resident's declarations: the officials' audit log records the read, with its reason.
  await auditRead(
    caller.userId,
    { action: 'health.status.set', residentId: changed.profile.residentId, reason: body.reason },
    changed.now,
  );
  return detail(changed.profile, changed.now);
});

/** POST /health/lookup (healthLookup): an official finds a resident by ID number (matched by its hash). */
export const lookup = endpoint('healthLookup', { roles: ['official'] }, async ({ body, caller }) => {
  const residentId = await residentIdByIdHash(await idNumberHash(body.idNumber));
  const p = residentId ? await profileById(residentId) : undefined;
  if (!p) throw notFound('没有找到该身份证号的健康码登记');
  const now = clock.now().toISOString();
  await auditRead(caller.userId, { action: 'health.lookup', residentId: p.residentId }, now);
  return { residentId: p.residentId, resident: residentView(p, now) };
});
