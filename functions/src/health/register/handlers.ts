import { personFinder } from '../../auth/finder';
import { AppError, conflict, forbidden } from '../../lib/errors';
import { endpoint, Reply } from '../../lib/http';
import { take } from '../../lib/limits';
import { sensitiveConsent } from '../../privacy/consent';
import { NOT_YOURS, ownResident } from '../access';
import { registrationLimit } from '../config';
import { fileDispute } from '../disputes/storage';
import type { NewResident } from '../items';
import { householdProfiles } from '../storage';
import { idNumberHash } from '../tokens';
import { residentView } from '../views';
import { clock } from '../wiring';
import { register, removeFamily as removeMember } from './storage';

/** Residents' registration: their household, registering themself, adding and removing family members. */

/** GET /health/me (healthHousehold): the caller's own code and their family members' (empty when not registered). */
export const household = endpoint('healthHousehold', {}, async ({ caller }) => {
  const now = clock.now().toISOString();
  return { residents: (await householdProfiles(caller.userId)).map((p) => residentView(p, now)) };
});

/**
 * Registers a resident (self or family). An ID number another account holds is answered 202
 * "needs verification" and filed as a dispute for officials, the same answer whoever holds it;
 * every attempt counts against the account's daily limit, so nobody can probe ID numbers.
 */
async function registerOrDispute(ownerId: string, r: NewResident) {
  await take(registrationLimit(), ownerId);
  const now = clock.now().toISOString();
  const done = await register(ownerId, r, now);
  if (done.kind === 'registered') {
    return new Reply(done.created ? 201 : 200, { resident: residentView(done.profile, now) });
  }
  const d = await fileDispute(ownerId, r, done.holder, now);
  const message = '已提交，需要核实身份后生效。社区或卫健工作人员会联系您，请携带身份证原件配合核验。';
  return new Reply(202, { verification: { disputeId: d.disputeId, idMasked: d.idMasked, message } });
}

/** POST /health/register (healthRegister): one registration per user and per ID number. */
export const registerSelf = endpoint('healthRegister', {}, async ({ body, caller }) => {
  const { consentVersion, ...r } = body;
  const consent = sensitiveConsent(consentVersion, clock.now().toISOString());
  return registerOrDispute(caller.userId, {
    ...r,
    idHash: await idNumberHash(r.idNumber),
    finder: await personFinder(r.name, r.phone.slice(-4)),
    relation: 'self',
    consent,
  });
});

/** POST /health/family (healthAddFamily): a family member without a phone, registered and looked after by the caller. */
export const addFamily = endpoint('healthAddFamily', {}, async ({ body, caller }) => {
  const consent = sensitiveConsent(body.consentVersion, clock.now().toISOString());
  const self = (await householdProfiles(caller.userId)).find((p) => p.relation === 'self');
  if (!self) throw new AppError('CONFLICT', '请先为自己登记健康码，再添加家人');
  return registerOrDispute(caller.userId, {
    name: body.name,
    idNumber: body.idNumber,
    idHash: await idNumberHash(body.idNumber),
    community: self.community,
    relation: body.relation,
    proxyName: self.maskedName,
    consent,
  });
});

/** DELETE /health/family/{residentId} (healthRemoveFamily): the proxy stops looking after a family member; the ID number is freed. */
export const removeFamily = endpoint('healthRemoveFamily', {}, async ({ params, caller }) => {
  const p = await ownResident(caller, params.residentId ?? '');
  if (p.relation === 'self') throw conflict('不能移除本人的健康码，只能移除代办的家人');
  if (!(await removeMember(p))) throw forbidden(NOT_YOURS);
  return { removed: p.residentId };
});
