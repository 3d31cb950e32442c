import { DAY_MS } from '@citycare/contract';
import { badRequest, notFound } from '../../lib/errors';
import { healthConfig } from '../config';
import { endpoint } from '../../lib/http';
import { recordsAtPlace, recordsOfCode } from '../scans/storage';
import { profileById } from '../storage';
import { recordView } from '../views';
import { clock, places } from '../wiring';
import { traceRangeRefusal } from './rules';
import { auditRead, auditSeen } from '../audit/storage';
import { residentsOfCodes } from './storage';

/** Contact tracing by officials: who was at a place, where a resident was. Each query is audited before it is answered. */

/**
 * POST /health/trace/place (healthTracePlace): who was at a place between two times. A range
 * that is too long, in the future or older than the records kept is a 400, with nothing audited.
 */
export const tracePlace = endpoint('healthTracePlace', { roles: ['official'] }, async ({ body, caller }) => {
  const at = clock.now();
  const { recordTtlDays, scanClockSkewSeconds } = healthConfig();
  const refusal = traceRangeRefusal(body.from, body.to, at, {
    keepDays: recordTtlDays,
    skewSeconds: scanClockSkewSeconds,
  });
  if (refusal) throw badRequest(refusal);
  const place = await places.get(body.placeId);
  if (!place) throw notFound('找不到该场所');
  const now = at.toISOString();
  const auditId = await auditRead(
    caller.userId,
    { action: 'health.trace.place', placeId: place.id, from: body.from, to: body.to, reason: body.reason },
    now,
  );
  const rows = await recordsAtPlace(place.id, new Date(body.from).toISOString(), new Date(body.to).toISOString(), now);
  const codes = rows.map((r) => r.gpk?.slice('CODE#'.length)).filter((c): c is string => !!c);
  const residents = await residentsOfCodes(codes);
  // Each resident whose visit the official sees has the read in their own log too.
  await auditSeen(
    caller.userId,
    [...residents.values()],
    { action: 'health.trace.seen', placeId: place.id, from: body.from, to: body.to, reason: body.reason },
    now,
  );
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
  const auditId = await auditRead(
    caller.userId,
    { action: 'health.trace.resident', residentId: p.residentId, reason: body.reason },
    now,
  );
  const rows = await recordsOfCode(p.codeId, new Date(at.getTime() - 14 * DAY_MS).toISOString(), now);
  return { auditId, scans: rows.map((r) => recordView(r, p.residentId)) };
});
