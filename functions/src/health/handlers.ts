import { cityDate, type HealthColour, passRule } from '@citycare/contract';
import { hasRole } from '../auth/rules';
import { getUser } from '../auth/store';
import type { Caller } from '../auth/caller';
import { cachedRead } from '../lib/cache';
import { AppError, conflict, forbidden, notFound } from '../lib/errors';
import { endpoint, Reply } from '../lib/http';
import { metric } from '../lib/metrics';
import { healthConfig } from './config';
import { applyDeclaration, assess, FINDING_TEXT, type RuleSet } from './rules';
import {
  getProfile,
  history,
  householdProfiles,
  profileAndAreas,
  profileById,
  saveDeclaration,
  type NewResident,
  type ProfileItem,
} from './store';
import { register, removeFamily as removeMember } from './store-register';
import { fileDispute } from './store-disputes';
import { take, type Limit } from '../lib/limits';
import { riskAreas } from './store-review';
import { appealsOf, createAppeal } from './store-appeals';
import { getPlace, putRecord, recordsOfCode } from './store-scans';
import { healthKeys, idNumberHash, jwks, signHealthToken } from './tokens';
import { appealView, auditView, declarationView, recordView, residentView, ruleNumbers } from './views';

/** Residents' routes: keys and rule book, registration, family, the code, declarations, scans, appeals. */

const nowIso = () => new Date().toISOString();
const NOT_YOURS = '只能查看和办理本人或家人的健康码';

/** The caller's own (or their family member's) resident, or 403. */
async function ownResident(caller: Caller, residentId: string): Promise<ProfileItem> {
  const p = await getProfile(caller.userId, residentId);
  if (!p) throw forbidden(NOT_YOURS);
  return p;
}

/** GET /health/keys: the JWKS scanners verify codes with. Public and cacheable. */
export const keys = endpoint('healthKeys', {}, async () => {
  return new Reply(200, jwks(await healthKeys()), { 'cache-control': 'public, max-age=300' });
});

/** The rule book: the numbers from config, the risk areas officials keep, the pass rules. */
export async function ruleBook() {
  const c = healthConfig();
  const colours: HealthColour[] = ['green', 'yellow', 'red'];
  return {
    feverCelsius: c.feverCelsius,
    yellowNormalDays: c.yellowNormalDays,
    redMinDays: c.redMinDays,
    tokenTtlSeconds: c.tokenTtlSeconds,
    offlineWindowHours: c.offlineWindowHours,
    maxFamilyMembers: c.maxFamilyMembers,
    riskAreas: await cachedRead('rules:risk-areas', 3600, riskAreas),
    passRules: [
      ...colours.map((colour) => ({ colour, ...passRule(colour, 'station') })),
      { colour: 'yellow' as const, ...passRule('yellow', 'clinic') },
    ],
  };
}

/** GET /health/rules: the rule book. */
export const rules = endpoint('healthRules', {}, ruleBook);

/** GET /health/me: the caller's own code and their family members' (empty when not registered). */
export const household = endpoint('healthHousehold', {}, async ({ caller }) => {
  const now = nowIso();
  return { residents: (await householdProfiles(caller.userId)).map((p) => residentView(p, now)) };
});

const REGISTRATIONS = (): Limit => ({
  name: 'health.register',
  max: healthConfig().registrationsPerDay,
  windowSeconds: 86400,
  message: '今天的登记次数已用完',
});

/**
 * Registers a resident (self or family). An ID number another account holds is answered 202
 * "needs verification" and filed as a dispute for officials, the same answer whoever holds it;
 * every attempt counts against the account's daily limit, so nobody can probe ID numbers.
 */
async function registerOrDispute(ownerId: string, r: NewResident) {
  await take(REGISTRATIONS(), ownerId);
  const now = nowIso();
  const done = await register(ownerId, r, now);
  if (done.kind === 'registered') {
    return new Reply(done.created ? 201 : 200, { resident: residentView(done.profile, now) });
  }
  const d = await fileDispute(ownerId, r, done.holder, now);
  const message = '已提交，需要核实身份后生效。社区或卫健工作人员会联系您，请携带身份证原件配合核验。';
  return new Reply(202, { verification: { disputeId: d.disputeId, idMasked: d.idMasked, message } });
}

/** POST /health/register: one registration per user and per ID number. */
export const registerSelf = endpoint('healthRegister', {}, async ({ body, caller }) =>
  registerOrDispute(caller.userId, { ...body, idHash: await idNumberHash(body.idNumber), relation: 'self' }),
);

/** POST /health/family: a family member without a phone, registered and looked after by the caller. */
export const addFamily = endpoint('healthAddFamily', {}, async ({ body, caller }) => {
  const self = (await householdProfiles(caller.userId)).find((p) => p.relation === 'self');
  if (!self) throw new AppError('CONFLICT', '请先为自己登记健康码，再添加家人');
  return registerOrDispute(caller.userId, {
    name: body.name,
    idNumber: body.idNumber,
    idHash: await idNumberHash(body.idNumber),
    community: self.community,
    relation: body.relation,
    proxyName: self.maskedName,
  });
});

/** DELETE /health/family/{residentId}: the proxy stops looking after a family member; the ID number is freed. */
export const removeFamily = endpoint('healthRemoveFamily', {}, async ({ params, caller }) => {
  const p = await ownResident(caller, params.residentId ?? '');
  if (p.relation === 'self') throw conflict('不能移除本人的健康码，只能移除代办的家人');
  if (!(await removeMember(p))) throw forbidden(NOT_YOURS);
  return { removed: p.residentId };
});

/** The masked name of the account holder who looks after a family member (older members lack it). */
async function proxyNameOf(p: ProfileItem): Promise<string | undefined> {
  if (p.relation === 'self') return undefined;
  if (p.proxyName) return p.proxyName;
  return (await householdProfiles(p.ownerId)).find((r) => r.relation === 'self')?.maskedName ?? '*';
}

/**
 * GET /health/residents/{residentId}/code: a fresh signed QR token (5 minutes). It carries the
 * masked ID number, and a family member's code says it is one (家人代办码) with the proxy's masked name.
 */
export const code = endpoint('healthCode', {}, async ({ params, caller }) => {
  // A slow database does not stop a resident at a gate: their last good profile, up to 15 minutes old.
  const residentId = params.residentId ?? '';
  const { p, proxyName } = await cachedRead(`code:${caller.userId}:${residentId}`, 900, async () => {
    const profile = await ownResident(caller, residentId);
    return { p: profile, proxyName: await proxyNameOf(profile) };
  });
  const { token, claims, kid } = signHealthToken(
    await healthKeys(),
    p.codeId,
    p.colour,
    p.maskedName,
    healthConfig().tokenTtlSeconds,
    new Date(),
    { idMasked: p.idMasked, proxyName },
  );
  metric('HealthCodesShown');
  return {
    token,
    kid,
    colour: claims.st,
    maskedName: claims.nm,
    idMasked: p.idMasked,
    proxyName,
    issuedAt: new Date(claims.iat * 1000).toISOString(),
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  };
});

/** The detail an owner or an official sees: status, its audit trail, recent declarations. */
export async function detail(p: ProfileItem, now: string) {
  const h = await history(p, now);
  return {
    resident: residentView(p, now),
    audit: h.audit.map(auditView),
    declarations: h.declarations.map(declarationView),
  };
}

/** GET /health/residents/{residentId}: the owner, or an official (roles re-read), may look. */
export const resident = endpoint('healthResident', {}, async ({ params, caller }) => {
  const residentId = params.residentId ?? '';
  let p = await getProfile(caller.userId, residentId);
  if (!p) {
    const fresh = await getUser(caller.userId);
    if (!fresh || !hasRole(fresh.roles, 'official')) throw forbidden(NOT_YOURS);
    p = await profileById(residentId);
    if (!p) throw notFound('找不到该居民');
  }
  return detail(p, nowIso());
});

/** POST /health/declarations: today's declaration; the status follows the rules. */
export const declare = endpoint('healthDeclare', {}, async ({ body, caller }) => {
  for (let attempt = 0; attempt < 4; attempt++) {
    const now = nowIso();
    const { profile, riskAreas: areas } = await profileAndAreas(caller.userId, body.residentId);
    if (!profile) throw forbidden(NOT_YOURS);
    const ruleSet: RuleSet = { ...ruleNumbers(), riskAreas: areas };
    const assessment = assess(body, ruleSet);
    const date = cityDate(now);
    const { state, change } = applyDeclaration(profile.state, assessment, date, now, ruleSet);
    const item = {
      date,
      at: now,
      temperature: body.temperature,
      symptoms: body.symptoms,
      travel: body.travel,
      contact: body.contact,
      finding: assessment.finding,
    };
    if (await saveDeclaration(profile, item, state, change)) {
      metric('HealthDeclarations');
      const saved = { ...profile, state, colour: state.colour, version: profile.version + 1 };
      return new Reply(201, {
        declaration: { ...declarationView(item), findingText: assessment.reasons.join('；') || FINDING_TEXT.normal },
        resident: residentView(saved, now),
      });
    }
  }
  throw new AppError('CONFLICT', '状态正在更新，请稍后再提交一次');
});

/** GET /health/residents/{residentId}/scans: where and when the resident was scanned (28 days). */
export const myScans = endpoint('healthMyScans', {}, async ({ params, caller }) => {
  const p = await ownResident(caller, params.residentId ?? '');
  const now = nowIso();
  const from = new Date(Date.now() - healthConfig().recordTtlDays * 86400_000).toISOString();
  return { scans: (await recordsOfCode(p.codeId, from, now)).map((r) => recordView(r)) };
});

/** POST /health/appeals: 纠错 — the resident asks officials to review a status; one open at a time. */
export const appeal = endpoint('healthAppeal', {}, async ({ body, caller }) => {
  const p = await ownResident(caller, body.residentId);
  const a = await createAppeal(p, body.reason, nowIso());
  return new Reply(201, { appeal: appealView(a) });
});

/** GET /health/residents/{residentId}/appeals: the resident's appeals with their outcomes, newest first. */
export const myAppeals = endpoint('healthMyAppeals', {}, async ({ params, caller }) => {
  const p = await ownResident(caller, params.residentId ?? '');
  return { appeals: (await appealsOf(p)).map(appealView) };
});

/** POST /health/visits: a resident scans a place's code; the visit (or ride) is registered. */
export const visit = endpoint('healthVisit', {}, async ({ body, caller }) => {
  const [p, place] = await Promise.all([ownResident(caller, body.residentId), getPlace(body.placeId)]);
  if (!place) throw notFound('找不到这个场所码对应的场所');
  const now = nowIso();
  const rule = passRule(p.colour, place.kind);
  await putRecord(
    {
      kind: 'visit',
      id: body.visitId,
      at: now,
      placeId: place.id,
      placeName: place.name,
      codeId: p.codeId,
      colour: p.colour,
      maskedName: p.maskedName,
      result: rule.pass ? 'pass' : 'stop',
      reason: rule.pass ? 'ok' : 'colour',
      recordedBy: caller.userId,
    },
    true,
  );
  metric('HealthScans');
  return { place, colour: p.colour, pass: rule.pass, rule: rule.text, at: now };
});
