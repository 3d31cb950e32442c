import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { paramNames, paramsSchema, querySchema, routes, SafeId, type RouteDef } from '@citycare/contract';
import { userIdForOpenid } from '../../src/auth/identity';
import { newOrderId } from '../../src/grocery/checkout/storage';
import { slotIdFor } from '../../src/grocery/catalogue/rules';
import { newId } from '../../src/health/register/storage';
import { newPaymentId, paymentIdFor } from '../../src/payments/ids';

/** Path parameters are checked by the contract: the derived schema must take every real id, and nothing hostile. */
const config = (name: string) => parse(readFileSync(join(__dirname, '..', '..', '..', 'config', name), 'utf8'));

describe('path parameter schemas', () => {
  it('cover exactly the {names} of every route’s path', () => {
    for (const [name, route] of Object.entries(routes) as [string, RouteDef][]) {
      const names = paramNames(route.path);
      const sample = Object.fromEntries(names.map((n) => [n, 'st-xingfu']));
      const parsed = paramsSchema(route).safeParse(sample);
      expect({ name, ok: parsed.success }).toEqual({ name, ok: true });
      expect({ name, keys: Object.keys(parsed.data ?? {}).sort() }).toEqual({ name, keys: [...names].sort() });
      if (names.length)
        expect({ name, empty: paramsSchema(route).safeParse({}).success }).toEqual({ name, empty: false });
    }
  });

  it('take every id the code makes and every id of the seed data', () => {
    const now = new Date('2020-02-10T01:00:00Z');
    const city = config('city.yml') as Record<string, { id?: string; key?: string }[]>;
    const seeded = ['districts', 'communities', 'stores', 'places', 'utilities'].flatMap((k) =>
      (city[k] ?? []).map((e) => e.id as string),
    );
    const accounts = (config('utility.yml') as { demoAccounts: { accountNo: string }[] }).demoAccounts.map(
      (a) => a.accountNo,
    );
    const made = [
      userIdForOpenid('o-some-openid'),
      userIdForOpenid('dev:resident'),
      newOrderId(now),
      slotIdFor(now.toISOString()),
      newId('r'),
      newId('c'),
      newPaymentId(now),
      paymentIdFor('utility-bill', 'u1', 'key'),
      paymentIdFor('utility-bulk', 'u1', 'zq-jianshe', 'key'),
      // Made inline by their stores: complaint, group, member, repair and appeal ids.
      'c200210a1b2c3d4e5',
      'g200210a1b2c3d4e5',
      'm0123456789ab',
      'r0123456789abcdef0123',
      'ak6f2x1c0a1b2c3d4e5',
    ];
    expect(seeded.length).toBeGreaterThan(20);
    for (const id of [...seeded, ...accounts, ...made])
      expect({ id, ok: SafeId.safeParse(id).success }).toEqual({ id, ok: true });
  });

  it.each([
    ['3,000 characters', 'x'.repeat(3000)],
    ['65 characters', 'a'.repeat(65)],
    ['a path escape', '../x'],
    ['a NUL byte', 'a\u0000'],
    ['an encoded NUL', 'a%00'],
    ['unicode', '订单'],
    ['a key separator', 'USER#x'],
    ['a space', 'a b'],
    ['empty', ''],
  ])('refuse %s', (_what, value) => {
    expect(SafeId.safeParse(value).success).toBe(false);
  });

  it('bound query strings by default', () => {
    const q = querySchema(routes.reliefReviews);
    expect(q.safeParse({ status: 'pending' }).success).toBe(true);
    expect(q.safeParse({ status: 'x'.repeat(1025) }).success).toBe(false);
    expect(q.safeParse({ ['k'.repeat(65)]: 'v' }).success).toBe(false);
    expect(q.safeParse(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`q${i}`, 'v']))).success).toBe(false);
  });
});
