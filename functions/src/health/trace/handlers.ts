import { DAY_MS } from '@citycare/contract';
import { notFound } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { recordsAtPlace, recordsOfCode } from '../scans/storage';
import { profileById } from '../storage';
import { recordView } from '../views';
import { clock, places } from '../wiring';
import { auditTrace, residentsOfCodes } from './storage';

/** Contact tracing by officials: who was at a place, where a resident was. Each query is audited before it is answered. */

/** POST /health/trace/place (healthTracePlace): who was at a place between two times. */
export const tracePlace = endpoint('healthTracePlace', { roles: ['official'] }, async ({ body, caller }) => {
  const place = await places.get(body.placeId);
  if (!place) throw notFound('找不到该场所');
  const now = clock.now().toISOString();
  const auditId = await auditTrace(
    caller.userId,
    { placeId: place.id, from: body.from, to: body.to },
    body.reason,
    now,
  );
  const rows = await recordsAtPlace(place.id, new Date(body.from).toISOString(), new Date(body.to).toISOString(), now);
  const codes = rows.map((r) => r.gpk?.slice('CODE#'.length)).filter((c): c is string => !!c);
  const residents = await residentsOfCodes(codes);
  return {
    auditId,
    scans: rows.map((r) => recordView(r, r.gpk ? residents.get(r.gpk.slice('CODE#'.length)) : undefined)),
  };
});

/** POST /health/trace/resident (healthTraceResident): where a resident was in the last 14 days. */
export const traceResident = endpoint('healthTraceResident', { roles: ['official'] }, async ({ body, caller }) => {
  const p = await profileById(body.residentId);
  if (!p) throw notFound('找不到该居民');
  const at = clock.now();
  const now = at.toISOString();
  const auditId = await auditTrace(caller.userId, { residentId: p.residentId }, body.reason, now);
  const rows = await recordsOfCode(p.codeId, new Date(at.getTime() - 14 * DAY_MS).toISOString(), now);
  return { auditId, scans: rows.map((r) => recordView(r, p.residentId)) };
});
