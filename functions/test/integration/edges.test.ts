import { ErrorBody, GroupResponse, routes, type RouteName } from '@citycare/contract';
import { grantRole, revokeRole } from '../../src/admin/handlers';
import { handler as groceryShop } from '../../src/grocery/lambdas/shop';
import { handler as groceryGroups } from '../../src/grocery/lambdas/groups';
import { handler as healthResidents } from '../../src/health/lambdas/residents';
import { handler as utilityResidents } from '../../src/utility/lambdas/residents';
import { handler as utilityStaff } from '../../src/utility/lambdas/staff';
import type { Handler } from '../../src/lib/http';
import { call, demoUserId, loginAs, scanAll, unique } from './helpers';
import { groupBody, newItem, newSlot } from './grocery-fixtures';
import { openGroup } from '../../src/grocery/groups/handlers';

/** Calls a route through its function's router, as API Gateway would. */
const viaRouter = (fn: Handler, name: RouteName, token: string, params: Record<string, string>) =>
  call(fn, { method: routes[name].method, path: routes[name].path, token, params });

describe('path parameters are checked by the contract', () => {
  let resident: { token: string };
  let utility: { token: string };
  beforeAll(async () => {
    [resident, utility] = await Promise.all([loginAs('resident'), loginAs('utility')]);
  });

  const hostile = [
    ['3,000 characters', 'o'.repeat(3000)],
    ['a path escape', '../../etc/passwd'],
    ['unicode', '订单一号'],
    ['a NUL byte', 'o1%00'],
    ['a raw NUL', 'o1\u0000x'],
    ['empty', ''],
    ['a key separator', 'o1#SK'],
  ] as const;
  const targets: [RouteName, Handler, string][] = [
    ['groceryOrder', groceryShop, 'orderId'],
    ['groceryCatalogue', groceryShop, 'storeId'],
    ['healthResident', healthResidents, 'residentId'],
    ['utilityAccount', utilityResidents, 'accountNo'],
  ];

  it.each(hostile)('refuses %s in every kind of id with 400 VALIDATION_FAILED', async (_what, value) => {
    for (const [name, fn, param] of targets) {
      const res = await viaRouter(fn, name, resident.token, { [param]: value });
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect(ErrorBody.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('lets a well-formed id through to the handler, which finds nothing (404, or 403 for a resident id)', async () => {
    for (const [name, fn, param] of targets) {
      const res = await viaRouter(fn, name, resident.token, { [param]: `${param}-nope-1` });
      const expected = name === 'healthResident' ? 'FORBIDDEN' : 'NOT_FOUND';
      expect({ name, code: ErrorBody.parse(res.body).error.code }).toEqual({ name, code: expected });
    }
  });

  it('checks a staff route’s company scope id too, before any role check', async () => {
    const res = await viaRouter(utilityStaff, 'reliefReviews', utility.token, { company: 'u'.repeat(3000) });
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(res.body).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('the dev login refuses to run where secrets come from SSM', () => {
  it('signs nobody in, writes nothing, and still works where secrets are files', async () => {
    const key = unique('ssm');
    const saved = process.env.SECRETS_SOURCE;
    let refused: { status: number; body: unknown } | undefined;
    try {
      process.env.SECRETS_SOURCE = 'ssm';
      await jest.isolateModulesAsync(async () => {
        const { login } = await import('../../src/auth/handlers');
        refused = await call(login, { body: { code: `dev:${key}` } });
      });
    } finally {
      process.env.SECRETS_SOURCE = saved;
    }
    expect(refused?.status).toBe(500);
    expect(JSON.stringify(refused?.body)).not.toContain('token');
    expect(ErrorBody.parse(refused?.body).error.code).toBe('INTERNAL');
    const users = JSON.stringify(await scanAll(process.env.TABLE_USERS ?? ''));
    expect(users).not.toContain(demoUserId(key));
    await expect(loginAs('resident')).resolves.toMatchObject({ token: expect.any(String) });
  });
});

describe('routes that reveal staff-scoped data read the caller’s roles afresh', () => {
  it('a worker revoked a moment ago no longer sees a group’s households, with the same token', async () => {
    const [admin, store, opener] = await Promise.all([loginAs('admin'), loginAs('store'), loginAs('worker')]);
    const [itemId, slotId] = await Promise.all([newItem(store.token, { stock: 20 }), newSlot(store.token)]);
    const opened = await call(openGroup, { token: opener.token, body: groupBody(slotId) });
    const { groupId } = GroupResponse.parse(opened.body).group;
    const household = await loginAs(unique('gr'));
    const joined = await viaJoin(household.token, groupId, itemId);
    expect(joined.status).toBe(201);

    const key = unique('wk');
    const first = await loginAs(key);
    const grant = { userId: first.userId, grant: { role: 'worker', scope: 'zq-jianshe' } };
    expect((await call(grantRole, { token: admin.token, body: grant })).status).toBe(200);
    const worker = await loginAs(key); // a token that carries the worker role
    const before = await viaRouter(groceryGroups, 'groceryGroup', worker.token, { groupId });
    expect(GroupResponse.parse(before.body).group.shares).toHaveLength(1);

    expect((await call(revokeRole, { token: admin.token, body: grant })).status).toBe(200);
    const after = await viaRouter(groceryGroups, 'groceryGroup', worker.token, { groupId });
    expect(after.status).toBe(200);
    const group = GroupResponse.parse(after.body).group;
    expect([group.shares, group.totals]).toEqual([[], []]);
    const closing = await call(groceryGroups, {
      method: 'POST',
      path: routes.groceryCloseGroup.path,
      token: worker.token,
      params: { groupId },
    });
    expect(closing.status).toBe(403);
  });
});

function viaJoin(token: string, groupId: string, itemId: string) {
  return call(groceryGroups, {
    method: 'POST',
    path: routes.groceryJoinGroup.path,
    token,
    params: { groupId },
    headers: { 'idempotency-key': unique('join') },
    body: {
      address: { building: '3', unit: '1', room: `${Math.floor(Math.random() * 9000) + 1000}` },
      contact: { name: '王秀兰', phone: '13812345678' },
      lines: [{ itemId, qty: 1 }],
    },
  });
}
