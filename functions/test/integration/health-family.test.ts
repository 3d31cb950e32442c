import jwt from 'jsonwebtoken';
import type { CodeResponse, ResidentView } from '@citycare/contract';
import { residentHandlers as h } from './health-api';
import { householdColour } from '../../src/health/public';
import { uniqueId } from '../health-fixtures';
import { call } from './helpers';
import { CONSENT, codeOf, declare, healthSnapshot, newUser, normalDeclaration, registeredUser } from './health-helpers';

/** Family proxy (家人代办): members without a phone, the limit on them, and what their codes say. */

describe('family proxy (家人代办)', () => {
  it('needs the owner registered first', async () => {
    const user = await newUser();
    const res = await call(h.addFamily, {
      token: user.token,
      body: { name: '王德福', idNumber: uniqueId(), relation: 'parent', ...CONSENT },
    });
    expect(res.status).toBe(409);
  });

  it('adds a member without a phone, declares for them, shows their code, and the household takes the worst colour', async () => {
    const user = await registeredUser();
    const add = await call<{ resident: ResidentView }>(h.addFamily, {
      token: user.token,
      body: { name: '王德福', idNumber: uniqueId('210881'), relation: 'grandparent', ...CONSENT },
    });
    expect(add.status).toBe(201);
    const member = add.body.resident;
    expect(member).toMatchObject({ relation: 'grandparent', maskedName: '王*福', community: 'zq-jianshe' });
    expect(member.phoneMasked).toBeUndefined();
    const household = await call<{ residents: ResidentView[] }>(h.household, { method: 'GET', token: user.token });
    expect(household.body.residents.map((r) => r.relation)).toEqual(['self', 'grandparent']);
    expect((await codeOf(user.token, member.residentId)).maskedName).toBe('王*福');
    expect(await householdColour(user.userId)).toBe('green');
    await declare(user.token, normalDeclaration(member.residentId, { temperature: 37.6 }));
    expect(await householdColour(user.userId)).toBe('yellow');
    const stranger = await registeredUser();
    expect((await codeOf(user.token, member.residentId)).colour).toBe('yellow');
    expect(
      (await call(h.code, { method: 'GET', token: stranger.token, params: { residentId: member.residentId } })).status,
    ).toBe(403);
  });
});

describe('family limits and proxy codes', () => {
  const addMember = (token: string, idNumber = uniqueId('210881'), name = '王秀兰') =>
    call<{ resident: ResidentView }>(h.addFamily, { token, body: { name, idNumber, relation: 'parent', ...CONSENT } });

  it('holds at most 5 family members, even when 8 are added at once, refusing the rest with nothing written', async () => {
    const user = await registeredUser();
    const results = await Promise.all(Array.from({ length: 8 }, () => addMember(user.token)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => r.status)).toEqual([409, 409, 409]);
    expect(refused[0]?.body.error?.message).toMatch(/最多.*5 位家人/);
    const before = await healthSnapshot(user.userId);
    expect((await addMember(user.token)).status).toBe(409);
    expect(await healthSnapshot(user.userId)).toBe(before);
    const household = await call<{ residents: ResidentView[] }>(h.household, { method: 'GET', token: user.token });
    expect(household.body.residents).toHaveLength(6);
  });

  it('frees the ID number of a removed member, and makes room for another', async () => {
    const user = await registeredUser();
    const ids = Array.from({ length: 5 }, () => uniqueId('210881'));
    const members = [];
    for (const id of ids) members.push((await addMember(user.token, id)).body.resident);
    expect((await addMember(user.token)).status).toBe(409);
    const stranger = await registeredUser();
    const remove = (token: string, residentId: string) =>
      call(h.removeFamily, { method: 'DELETE', token, params: { residentId } });
    expect((await remove(stranger.token, members[0]!.residentId)).status).toBe(403);
    expect((await remove(user.token, user.resident.residentId)).status).toBe(409);
    expect((await remove(user.token, members[0]!.residentId)).status).toBe(200);
    expect((await remove(user.token, members[0]!.residentId)).status).toBe(403);
    expect(
      (await call(h.code, { method: 'GET', token: user.token, params: { residentId: members[0]!.residentId } })).status,
    ).toBe(403);
    // The freed ID number can be added again (here by a stranger), and the household has room again.
    expect((await addMember(stranger.token, ids[0])).status).toBe(201);
    expect((await addMember(user.token)).status).toBe(201);
  });

  it("says on a family member's code that it is a proxy code, with the proxy's masked name and the masked ID", async () => {
    const user = await registeredUser();
    const idNumber = uniqueId('210881');
    const member = (await addMember(user.token, idNumber, '王德福')).body.resident;
    const code = await call<CodeResponse>(h.code, {
      method: 'GET',
      token: user.token,
      params: { residentId: member.residentId },
    });
    const masked = `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`;
    expect(code.body).toMatchObject({ maskedName: '王*福', idMasked: masked, proxyName: '王*兰' });
    const claims = jwt.decode(code.body.token) as Record<string, unknown>;
    expect(claims).toMatchObject({ nm: '王*福', id: masked, px: '王*兰' });
    for (const secret of [idNumber, '王德福', '王秀兰', '13812341234']) expect(code.body.token).not.toContain(secret);
    const own = await call<CodeResponse>(h.code, {
      method: 'GET',
      token: user.token,
      params: { residentId: user.resident.residentId },
    });
    expect(own.body.proxyName).toBeUndefined();
    expect(jwt.decode(own.body.token)).toMatchObject({ id: user.resident.idMasked });
    expect((jwt.decode(own.body.token) as Record<string, unknown>).px).toBeUndefined();
  });
});
