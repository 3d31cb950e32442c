import { maskName, type OutsiderView, type ScanUploadResult } from '@citycare/contract';
import { hasRole, hasScope } from '../auth/rules';
import type { Caller } from '../auth/caller';
import { badRequest, conflict, forbidden, notFound } from '../lib/errors';
import { endpoint, Reply } from '../lib/http';
import { metric } from '../lib/metrics';
import { healthConfig } from './config';
import { applyOfficial } from './rules';
import { judgeScan } from './scan-rules';
import { profileById, residentIdByIdHash, saveOfficialChange } from './store';
import { changeRiskArea, riskAreas } from './store-review';
import { countOpenAppeals, getOpenAppeal, keepAppeal, openAppealsPage } from './store-appeals';
import { OPEN_APPEALS } from './keys';
import { openCursor, sealCursor } from '../lib/cursor';
import { auditTrace, getPlace, putRecord, recordsAtPlace, recordsOfCode, residentsOfCodes } from './store-scans';
import type { StoredRecord } from './store-scans';
import { detail, ruleBook } from './handlers';
import { healthKeys, idNumberHash, verifyHealthToken } from './tokens';
import { appealView, recordView, residentView, ruleNumbers } from './views';

/** Checkpoint staff's and officials' routes: scans, outsiders, review, tracing, risk areas. */

const nowIso = () => new Date().toISOString();
const DAY_MS = 86400_000;

/** A checkpoint user works for their own place only; officials may read every place. */
async function placeFor(caller: Caller, placeId: string, officialsToo = false) {
  const allowed = hasScope(caller.roles, 'checkpoint', placeId) || (officialsToo && hasRole(caller.roles, 'official'));
  if (!allowed) throw forbidden('只能处理本卡点（场所）的记录');
  const place = await getPlace(placeId);
  if (!place) throw notFound('找不到该场所');
  return place;
}

/**
 * POST /health/scans: a checkpoint uploads its scans (made online or queued offline). Each is
 * judged by the server (token, times, temperature, rule book) and stored once, or refused with
 * a reason and not stored; what the scanner showed is kept beside the verdict for audit only.
 */
export const uploadScans = endpoint('healthUploadScans', { roles: ['checkpoint'] }, async ({ body, caller }) => {
  const place = await placeFor(caller, body.placeId);
  const now = Date.now();
  const rules = healthConfig();
  const keys = await healthKeys();
  const results = await Promise.all(
    body.scans.map(async (s): Promise<ScanUploadResult> => {
      const signature = verifyHealthToken(keys, s.token, new Date(s.scannedAt), true);
      const judged = judgeScan(s, signature, place.kind, now, rules);
      if (!judged.ok) return { scanId: s.scanId, stored: false, refused: judged.refused, message: judged.message };
      const stored = await putRecord({
        kind: 'scan',
        id: s.scanId,
        at: new Date(s.scannedAt).toISOString(),
        placeId: place.id,
        placeName: place.name,
        codeId: judged.claims.sub,
        colour: judged.claims.st,
        maskedName: judged.claims.nm,
        result: judged.result,
        reason: judged.reason,
        clientResult: s.result,
        clientReason: s.reason,
        temperature: s.temperature,
        recordedBy: caller.userId,
      });
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

/** POST /health/outsiders: 对外来人员登记 at a checkpoint; kept 28 days, shown masked. */
export const addOutsider = endpoint('healthAddOutsider', { roles: ['checkpoint'] }, async ({ body, caller }) => {
  const place = await placeFor(caller, body.placeId);
  const record = {
    kind: 'outsider' as const,
    id: body.outsiderId,
    at: nowIso(),
    placeId: place.id,
    placeName: place.name,
    maskedName: maskName(body.name),
    result: body.decision === 'through' ? ('pass' as const) : ('stop' as const),
    temperature: body.temperature,
    recordedBy: caller.userId,
    outsider: {
      fullName: body.name,
      phone: body.phone,
      phoneMasked: `${body.phone.slice(0, 3)}****${body.phone.slice(-4)}`,
      origin: body.origin,
      reason: body.reason,
      decision: body.decision,
    },
  };
  const created = await putRecord(record, true);
  return new Reply(created ? 201 : 200, { outsider: outsiderView({ ...record, expiresAt: 0 }) });
});

/** GET /health/places/{placeId}/outsiders: the last 24 hours' registrations, masked. */
export const outsiders = endpoint(
  'healthOutsiders',
  { roles: ['checkpoint', 'official'] },
  async ({ params, caller }) => {
    const place = await placeFor(caller, params.placeId ?? '', true);
    const now = nowIso();
    const from = new Date(Date.now() - DAY_MS).toISOString();
    const rows = await recordsAtPlace(place.id, from, now, now, 'outsider');
    return { outsiders: rows.reverse().map(outsiderView) };
  },
);

const QUEUE_SCOPE = 'health.appeals';
const QUEUE_PAGE = 20;

/** GET /health/appeals?cursor=: the officials' queue of open appeals, oldest first, a page at a time. */
export const appeals = endpoint('healthAppeals', { roles: ['official'] }, async ({ query }) => {
  const start = query.cursor ? await openCursor(QUEUE_SCOPE, query.cursor) : undefined;
  if (start && (start.pk !== OPEN_APPEALS || typeof start.sk !== 'string' || Object.keys(start).length !== 2)) {
    throw badRequest('翻页参数无效，请从第一页重新加载');
  }
  const [page, waiting] = await Promise.all([openAppealsPage(start, QUEUE_PAGE), countOpenAppeals()]);
  return {
    appeals: page.items.map(appealView),
    waiting,
    nextCursor: page.last ? await sealCursor(QUEUE_SCOPE, page.last) : undefined,
  };
});

/** POST /health/appeals/{appealId}/close: 维持原状态 — closes an appeal without changing the colour. */
export const closeAppeal = endpoint('healthCloseAppeal', { roles: ['official'] }, async ({ params, body, caller }) => {
  const a = await getOpenAppeal(params.appealId ?? '');
  if (!a) throw conflict('该纠错申请已处理或不存在');
  return { appeal: appealView(await keepAppeal(a, body.reason, caller.userId, nowIso())) };
});

/** POST /health/residents/{residentId}/status: an official sets or clears a status, with a reason. */
export const setStatus = endpoint('healthSetStatus', { roles: ['official'] }, async ({ params, body, caller }) => {
  for (let attempt = 0; attempt < 4; attempt++) {
    const p = await profileById(params.residentId ?? '');
    if (!p) throw notFound('找不到该居民');
    const now = nowIso();
    const result = applyOfficial(p.state, body.colour, body.reason, now, ruleNumbers());
    if (!result.ok) {
      if (result.refusal.kind === 'unchanged') throw conflict('状态没有变化：该居民已经是这个颜色');
      throw conflict(
        `红码须满 ${healthConfig().redMinDays} 天才能解除，最早 ${result.refusal.earliest.slice(0, 10)} 之后`,
      );
    }
    const appeal = body.appealId ? { appealId: body.appealId, decision: body.reason } : undefined;
    if (await saveOfficialChange(p, result.state, result.change, caller.userId, now, appeal)) {
      return detail({ ...p, state: result.state, colour: result.state.colour, version: p.version + 1 }, now);
    }
  }
  throw conflict('状态正在更新，请稍后再试');
});

/** POST /health/lookup: an official finds a resident by ID number (matched by its hash). */
export const lookup = endpoint('healthLookup', { roles: ['official'] }, async ({ body }) => {
  const residentId = await residentIdByIdHash(await idNumberHash(body.idNumber));
  const p = residentId ? await profileById(residentId) : undefined;
  if (!p) throw notFound('没有找到该身份证号的健康码登记');
  return { residentId: p.residentId, resident: residentView(p, nowIso()) };
});

/** POST /health/trace/place: who was at a place between two times. Audited before answering. */
export const tracePlace = endpoint('healthTracePlace', { roles: ['official'] }, async ({ body, caller }) => {
  const place = await getPlace(body.placeId);
  if (!place) throw notFound('找不到该场所');
  const now = nowIso();
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

/** POST /health/trace/resident: where a resident was in the last 14 days. Audited before answering. */
export const traceResident = endpoint('healthTraceResident', { roles: ['official'] }, async ({ body, caller }) => {
  const p = await profileById(body.residentId);
  if (!p) throw notFound('找不到该居民');
  const now = nowIso();
  const auditId = await auditTrace(caller.userId, { residentId: p.residentId }, body.reason, now);
  const rows = await recordsOfCode(p.codeId, new Date(Date.now() - 14 * DAY_MS).toISOString(), now);
  return { auditId, scans: rows.map((r) => recordView(r, p.residentId)) };
});

/** POST /health/rules/risk-areas: officials add or remove a risk area; audited. */
export const changeRiskAreas = endpoint('healthChangeRiskArea', { roles: ['official'] }, async ({ body, caller }) => {
  const current = await riskAreas();
  const exists = current.some((a) => a.region === body.region);
  if (body.action === 'add' && exists) throw conflict('该地区已在风险地区名单中');
  if (body.action === 'remove' && !exists) throw notFound('风险地区名单中没有该地区');
  const now = nowIso();
  await changeRiskArea(
    body.action,
    { region: body.region, note: body.note, since: now.slice(0, 10) },
    caller.userId,
    body.reason,
    now,
  );
  return ruleBook();
});
