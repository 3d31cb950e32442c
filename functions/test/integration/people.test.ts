import { randomInt } from 'node:crypto';
import { ErrorBody, PersonSearchResponse, PersonalCodeResponse, DirectoryResponse } from '@citycare/contract';
import { findPerson, findPersonByCode } from '../../src/admin/people';
import { personalCode } from '../../src/auth/handlers';
import { list as directory } from '../../src/directory/handlers';
import { registerSelf } from '../../src/health/register/handlers';
import { newUser, registration } from './health-helpers';
import { call, demoUserId, newStaff, signedIn } from './helpers';

const [admin, resident2, official, worker] = signedIn('admin', 'resident2', 'official', 'worker');

/** A name nobody else in the run registers (three Han characters drawn at random). */
const rareName = () => Array.from({ length: 3 }, () => String.fromCharCode(0x4e00 + randomInt(0x5000))).join('');

describe('finding a person by name and phone digits', () => {
  it('finds the seeded 刘德福 and answers masked, never the full name or phone', async () => {
    const res = await call<PersonSearchResponse>(findPerson, {
      token: admin.token,
      body: { name: '刘德福', phoneTail: '1234' },
    });
    expect(res.status).toBe(200);
    const { people } = PersonSearchResponse.parse(res.body);
    expect(people).toEqual([
      { userId: demoUserId('resident2'), maskedName: '刘*福', phoneTail: '1234', roles: expect.any(Array) },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/刘德福|13941781234/);
  });

  it('finds a resident by the name and phone they registered their own health code with', async () => {
    const user = await newUser('pf');
    const name = rareName();
    const phone = `139${String(randomInt(1e8)).padStart(8, '0')}`;
    const reg = await call(registerSelf, { token: user.token, body: registration({ name, phone }) });
    expect(reg.status).toBe(201);
    const found = await call<PersonSearchResponse>(findPerson, {
      token: admin.token,
      body: { name: ` ${name} `, phoneTail: phone.slice(-4) },
    });
    expect(PersonSearchResponse.parse(found.body).people.map((p) => p.userId)).toEqual([user.userId]);
    const otherDigits = String((Number(phone.slice(-4)) + 1) % 10000).padStart(4, '0');
    const wrong = await call<PersonSearchResponse>(findPerson, {
      token: admin.token,
      body: { name, phoneTail: otherDigits },
    });
    expect(PersonSearchResponse.parse(wrong.body).people).toEqual([]);
  });

  it.each([
    ['digits that are not four', { name: '刘德福', phoneTail: '123' }],
    ['letters for digits', { name: '刘德福', phoneTail: 'abcd' }],
    ['a one-character name', { name: '刘', phoneTail: '1234' }],
    ['no name', { phoneTail: '1234' }],
  ])('refuses %s with 400', async (_what, body) => {
    const res = await call(findPerson, { token: admin.token, body });
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(res.body).error.code).toBe('VALIDATION_FAILED');
  });

  it('is for admins only: a resident, an official and a worker get 403', async () => {
    for (const caller of [resident2, official, worker]) {
      const res = await call(findPerson, { token: caller.token, body: { name: '刘德福', phoneTail: '1234' } });
      expect(res.status).toBe(403);
      expect(ErrorBody.parse(res.body).error.code).toBe('FORBIDDEN');
    }
    const none = await call(findPerson, { body: { name: '刘德福', phoneTail: '1234' } });
    expect(none.status).toBe(401);
  });

  it('stops an admin who guesses: after 30 searches in the hour, 429 (by code too)', async () => {
    const guesser = await newStaff('admin');
    for (let i = 0; i < 30; i++) {
      const res = await call(findPerson, {
        token: guesser.token,
        body: { name: '刘德福', phoneTail: String(i).padStart(4, '0') },
      });
      expect(res.status).toBe(200);
    }
    const refused = await call(findPerson, { token: guesser.token, body: { name: '刘德福', phoneTail: '1234' } });
    expect(refused.status).toBe(429);
    expect(ErrorBody.parse(refused.body).error.code).toBe('RATE_LIMITED');
    const byCode = await call(findPersonByCode, { token: guesser.token, body: { code: 'x'.repeat(40) } });
    expect(byCode.status).toBe(429);
  });
});

describe('the personal code in 我的', () => {
  it('names its user to an admin who scans it, masked', async () => {
    const mine = await call<PersonalCodeResponse>(personalCode, { method: 'GET', token: resident2.token });
    expect(mine.status).toBe(200);
    const { code, expiresAt } = PersonalCodeResponse.parse(mine.body);
    expect(code).not.toContain(resident2.userId);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(600_000);
    const res = await call<PersonSearchResponse>(findPersonByCode, { token: admin.token, body: { code } });
    expect(res.status).toBe(200);
    expect(PersonSearchResponse.parse(res.body).people).toEqual([
      { userId: resident2.userId, maskedName: '刘*福', roles: expect.any(Array) },
    ]);
  });

  it('refuses a changed code, or a session token passed off as one, with 400', async () => {
    const { code } = PersonalCodeResponse.parse(
      (await call(personalCode, { method: 'GET', token: resident2.token })).body,
    );
    const flipped = code.slice(0, -2) + (code.endsWith('AA') ? 'BB' : 'AA');
    for (const bad of [flipped, resident2.token]) {
      const res = await call(findPersonByCode, { token: admin.token, body: { code: bad } });
      expect(res.status).toBe(400);
      expect(ErrorBody.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('is scanned by admins only', async () => {
    const { code } = PersonalCodeResponse.parse(
      (await call(personalCode, { method: 'GET', token: worker.token })).body,
    );
    const res = await call(findPersonByCode, { token: official.token, body: { code } });
    expect(res.status).toBe(403);
  });
});

describe('the directory listing', () => {
  const listing = (kind: string, token?: string) => call(directory, { method: 'GET', token, params: { kind } });

  it.each([
    ['community', 'zq-yingbin', '迎宾社区'],
    ['place', 'vn-yingkou-station', '营口站'],
    ['store', 'st-xingfu', '幸福便民超市'],
    ['utility', 'ut-water', '营口市自来水公司'],
  ])('lists the %s directory by name for any signed-in user', async (kind, id, name) => {
    const res = await listing(kind, resident2.token);
    expect(res.status).toBe(200);
    const { entries } = DirectoryResponse.parse(res.body);
    expect(entries).toContainEqual(expect.objectContaining({ id, name }));
    expect(JSON.stringify(entries)).not.toMatch(/"pk"|"sk"/);
  });

  it('answers 404 for a kind that is not a directory, 401 without a session', async () => {
    expect((await listing('users', admin.token)).status).toBe(404);
    expect((await listing('community')).status).toBe(401);
  });
});
