import { DAY_MS, PLACE_CODE_PROBLEM_TEXT, type OutsiderView, type ScanUploadResult } from '@citycare/contract';
import type { Caller } from '../../auth/caller';
import { hasRole, hasScope } from '../../auth/rules';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { endpoint, Reply } from '../../lib/http';
import { metric } from '../../lib/metrics';
import { sensitiveConsent } from '../../privacy/consent';
import { ownResident } from '../access';
import { healthConfig } from '../config';
import type { StoredRecord } from '../items';
import { latestChangeOf } from '../status-list/handlers';
import { verifyPlaceToken } from '../place-token';
import { healthKeys, verifyHealthToken } from '../tokens';
import { recordView } from '../views';
import { clock, places } from '../wiring';
import { judgeScan, outsiderRecord, scanRecord, visitRecord } from './rules';
import { putRecord, recordsAtPlace, recordsOfCode } from './storage';

/** Records at places: checkpoints' scans and outsiders, residents' visits (place codes) and their own scans. */

/** A checkpoint user works for their own place only; officials may read every place. */
async function placeFor(caller: Caller, placeId: string, officialsToo = false) {
  const allowed = hasScope(caller.roles, 'checkpoint', placeId) || (officialsToo && hasRole(caller.roles, 'official'));
  if (!allowed) throw forbidden('只能处理本卡点（场所）的记录');
  const place = await places.get(placeId);
  if (!place) throw notFound('找不到该场所');
  return place;
}

/**
 * POST /health/scans (healthUploadScans): a checkpoint uploads its scans (made online or queued
 * offline). Each is judged by the server (token, times, temperature, rule book) and stored once,
 * or refused with a reason and not stored; what the scanner showed is kept beside the verdict
 * for audit only.
 */
export const uploadScans = endpoint('healthUploadScans', { roles: ['checkpoint'] }, async ({ body, caller }) => {
  const where = { place: await placeFor(caller, body.placeId), recordedBy: caller.userId };
  const now = clock.now().getTime();
  const rules = healthConfig();
  const [keys, changes] = await Promise.all([healthKeys(), latestChangeOf()]);
  const results = await Promise.all(
    body.scans.map(async (s): Promise<ScanUploadResult> => {
      const signature = verifyHealthToken(keys, s.token, new Date(s.scannedAt), true);
      const judged = judgeScan(s, signature, where.place.kind, now, rules, changes);
      if (!judged.ok) return { scanId: s.scanId, stored: false, refused: judged.refused, message: judged.message };
      const stored = await putRecord(scanRecord(s, judged, where));
      return { scanId: s.scanId, stored, result: judged.result, reason: judged.reason };
    }),
  );
  const stored = results.filter((r) => r.stored).length;
  const refused = results.filter((r) => r.refused).length;
  metric('HealthScans', stored);
  return { stored, duplicates: results.length - stored - refused, refused, results };
});

function outsiderView(r: StoredRecord): OutsiderView {
  const o = r.outsider;
  return {
    outsiderId: r.id,
    at: r.at,
    maskedName: r.maskedName,
    phoneMasked: o?.phoneMasked ?? '',
    origin: o?.origin ?? '',
    reason: o?.reason ?? '',
    temperature: r.temperature ?? 0,
    decision: (o?.decision ?? 'through') as OutsiderView['decision'],
  };
}

/** POST /health/outsiders (healthAddOutsider): 对外来人员登记 at a checkpoint; kept 28 days, shown masked. */
export const addOutsider = endpoint('healthAddOutsider', { roles: ['checkpoint'] }, async ({ body, caller }) => {
  const now = clock.now().toISOString();
  const consent = sensitiveConsent(body.consentVersion, now);
  const place = await placeFor(caller, body.placeId);
  const record = { ...outsiderRecord(body, { place, recordedBy: caller.userId }, now), ...consent };
  const created = await putRecord(record, true);
  return new Reply(created ? 201 : 200, { outsider: outsiderView({ ...record, expiresAt: 0 }) });
});

/** GET /health/places/{placeId}/outsiders (healthOutsiders): the last 24 hours' registrations, masked. */
export const outsiders = endpoint(
  'healthOutsiders',
  { roles: ['checkpoint', 'official'] },
  async ({ params, caller }) => {
    const place = await placeFor(caller, params.placeId ?? '', true);
    const at = clock.now();
    const rows = await recordsAtPlace(
      place.id,
      new Date(at.getTime() - DAY_MS).toISOString(),
      at.toISOString(),
      at.toISOString(),
      'outsider',
    );
    return { outsiders: rows.reverse().map(outsiderView) };
  },
);

/**
 * POST /health/visits (healthVisit): a resident scans a place's signed code; the visit (or ride)
 * is registered. The code is verified here again (never the client's word for the place); an
 * unsigned, forged or unknown code is refused (422) and nothing is stored.
 */
export const visit = endpoint('healthVisit', {}, async ({ body, caller }) => {
  const [p, keys] = await Promise.all([ownResident(caller, body.residentId), healthKeys()]);
  const check = verifyPlaceToken(keys, body.placeToken);
  if (!check.ok) throw new AppError('UNPROCESSABLE', PLACE_CODE_PROBLEM_TEXT[check.problem]);
  // The place is the signed one, as the directory has it now (a removed place stops working).
  const place = await places.get(check.claims.sub);
  if (!place) throw notFound('找不到这个场所码对应的场所');
  const now = clock.now().toISOString();
  const { record, rule } = visitRecord(body.visitId, p, { place, recordedBy: caller.userId }, now);
  await putRecord(record, true);
  metric('HealthScans');
  return { place, colour: p.colour, pass: rule.pass, rule: rule.text, at: now };
});

/** GET /health/residents/{residentId}/scans (healthMyScans): where and when the resident was scanned (28 days). */
export const myScans = endpoint('healthMyScans', {}, async ({ params, caller }) => {
  const p = await ownResident(caller, params.residentId ?? '');
  const at = clock.now();
  const from = new Date(at.getTime() - healthConfig().recordTtlDays * DAY_MS).toISOString();
  return { scans: (await recordsOfCode(p.codeId, from, at.toISOString())).map((r) => recordView(r)) };
});
