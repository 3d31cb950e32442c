import { conflict, forbidden, notFound } from '../../lib/errors';
import { auditRead } from '../audit/storage';
import { endpoint } from '../../lib/http';
import { NOT_YOURS } from '../access';
import { healthConfig } from '../config';
import type { ProfileItem } from '../items';
import { getProfile, profileById, residentIdByIdHash } from '../storage';
import { idNumberHash } from '../tokens';
import { auditView, declarationView, residentView, ruleNumbers } from '../views';
import { clock, users } from '../wiring';
import { applyOfficial, refusalText } from './rules';
import { changeStatus, history } from './storage';

/** A status under review: its detail and history, officials' changes, and finding a resident by ID number. */

/** The detail an owner or an official sees: status, its audit trail, recent declarations. */
async function detail(p: ProfileItem, now: string) {
  const h = await history(p, now);
  return {
    resident: residentView(p, now),
    audit: h.audit.map(auditView),
    declarations: h.declarations.map(declarationView),
  };
}

/** GET /health/residents/{residentId} (healthResident): the owner, or an official (roles re-read), may look. */
export const resident = endpoint('healthResident', {}, async ({ params, caller }) => {
  const residentId = params.residentId ?? '';
  let p = await getProfile(caller.userId, residentId);
  if (!p) {
    if (!(await users.isOfficial(caller.userId))) throw forbidden(NOT_YOURS);
    p = await profileById(residentId);
    if (!p) throw notFound('找不到该居民');
    // An official's look at someone else's resident is in the officials' audit log.
    await auditRead(
      caller.userId,
      { action: 'health.resident.view', residentId: p.residentId },
      clock.now().toISOString(),
    );
  }
  return detail(p, clock.now().toISOString());
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
