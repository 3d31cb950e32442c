import { ErrorBody, RoleChangeResponse } from '@citycare/contract';
import { getUserById, grantRole, revokeRole } from '../../src/admin/handlers';
import { me } from '../../src/auth/handlers';
import { call, demoUserId, loginAs, scanAll } from './helpers';

const auditCount = async () => (await scanAll(process.env.TABLE_AUDIT ?? '')).length;
const usersSnapshot = async () => JSON.stringify(await scanAll(process.env.TABLE_USERS ?? ''));

describe('role grants', () => {
  it('lets an admin grant a scoped role, visible at once in /me, and audits it', async () => {
    const admin = await loginAs('admin');
    const target = await loginAs('resident2');
    const before = await auditCount();
    const res = await call(grantRole, {
      token: admin.token,
      body: { userId: target.userId, grant: { role: 'checkpoint', scope: 'cp-shanzui-1' } },
    });
    expect(res.status).toBe(200);
    expect(RoleChangeResponse.parse(res.body).user.roles).toContainEqual({ role: 'checkpoint', scope: 'cp-shanzui-1' });
    expect(await auditCount()).toBe(before + 1);
    const mine = await call(me, { method: 'GET', token: target.token });
    expect(JSON.stringify(mine.body)).toContain('cp-shanzui-1');

    const revoked = await call(revokeRole, {
      token: admin.token,
      body: { userId: target.userId, grant: { role: 'checkpoint', scope: 'cp-shanzui-1' } },
    });
    expect(revoked.status).toBe(200);
    expect(RoleChangeResponse.parse(revoked.body).user.roles).toEqual([{ role: 'resident' }]);
    expect(await auditCount()).toBe(before + 2);
  });

  it('granting the same role twice leaves one grant', async () => {
    const admin = await loginAs('admin');
    const body = { userId: demoUserId('resident2'), grant: { role: 'official' } };
    await call(grantRole, { token: admin.token, body });
    const res = await call(grantRole, { token: admin.token, body });
    expect(RoleChangeResponse.parse(res.body).user.roles.filter((r) => r.role === 'official')).toHaveLength(1);
    await call(revokeRole, { token: admin.token, body });
  });

  it.each(['resident', 'worker', 'checkpoint', 'store', 'utility', 'official'])(
    'refuses a %s who is not an admin with 403 and changes nothing',
    async (key) => {
      const caller = await loginAs(key);
      const snapshot = await usersSnapshot();
      const grant = await call(grantRole, {
        token: caller.token,
        body: { userId: caller.userId, grant: { role: 'admin' } },
      });
      const lookup = await call(getUserById, {
        method: 'GET',
        token: caller.token,
        params: { userId: demoUserId('admin') },
      });
      expect([grant.status, lookup.status]).toEqual([403, 403]);
      expect(ErrorBody.parse(grant.body).error.code).toBe('FORBIDDEN');
      expect(await usersSnapshot()).toBe(snapshot);
    },
  );

  it.each([
    ['a scoped role without scope', { role: 'worker' }],
    ['an unscoped role with a scope', { role: 'official', scope: 'zq-jianshe' }],
    ['an unknown role', { role: 'mayor' }],
    ['a scope with bad characters', { role: 'worker', scope: 'ZQ JIANSHE' }],
    ['a scope that does not exist', { role: 'worker', scope: 'no-such-community' }],
    ['a store id as a community', { role: 'worker', scope: 'st-xingfu' }],
  ])('refuses %s with 400 and writes nothing', async (_name, grant) => {
    const admin = await loginAs('admin');
    const [snapshot, audits] = [await usersSnapshot(), await auditCount()];
    const res = await call(grantRole, { token: admin.token, body: { userId: demoUserId('resident2'), grant } });
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    expect([await usersSnapshot(), await auditCount()]).toEqual([snapshot, audits]);
  });

  it('answers 404 for an unknown user and writes no audit record', async () => {
    const admin = await loginAs('admin');
    const audits = await auditCount();
    const res = await call(grantRole, {
      token: admin.token,
      body: { userId: 'u-nobody', grant: { role: 'official' } },
    });
    expect(res.status).toBe(404);
    expect(await auditCount()).toBe(audits);
    const lookup = await call(getUserById, { method: 'GET', token: admin.token, params: { userId: 'u-nobody' } });
    expect(lookup.status).toBe(404);
  });

  it('refuses to revoke the resident role or an admin’s own admin role', async () => {
    const admin = await loginAs('admin');
    const resident = await call(revokeRole, {
      token: admin.token,
      body: { userId: demoUserId('resident'), grant: { role: 'resident' } },
    });
    const own = await call(revokeRole, {
      token: admin.token,
      body: { userId: admin.userId, grant: { role: 'admin' } },
    });
    expect([resident.status, own.status]).toEqual([409, 409]);
  });

  it('takes a revoked admin role away at once, even from a token signed before', async () => {
    const admin = await loginAs('admin');
    const deputy = await loginAs('resident2');
    await call(grantRole, { token: admin.token, body: { userId: deputy.userId, grant: { role: 'admin' } } });
    const deputyToken = (await loginAs('resident2')).token;
    const ok = await call(getUserById, { method: 'GET', token: deputyToken, params: { userId: admin.userId } });
    expect(ok.status).toBe(200);
    await call(revokeRole, { token: admin.token, body: { userId: deputy.userId, grant: { role: 'admin' } } });
    const refused = await call(getUserById, { method: 'GET', token: deputyToken, params: { userId: admin.userId } });
    expect(refused.status).toBe(403);
  });
});
