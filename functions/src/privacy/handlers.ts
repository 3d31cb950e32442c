import { PRIVACY_VERSION } from '@citycare/contract';
import { endpoint } from '../lib/http';
import { retention } from './config';
import { eraseAll, eraseHealth } from './erase';
import { keptAfter, myReadView, sectionsOf } from './rules';
import { held, healthHeld, readsOf } from './storage';
import { clock, users } from './wiring';

/** The resident's own data: 我的数据, 谁查看了我的信息, 注销. Only ever the caller's own keys. */

/** GET /me/data (privacyMyData): everything held about the caller and the family members they look after. */
export const myData = endpoint('privacyMyData', {}, async ({ caller }) => ({
  generatedAt: clock.now().toISOString(),
  guideVersion: PRIVACY_VERSION,
  sections: sectionsOf(await held(caller.userId)),
  kept: keptAfter('all', retention()),
}));

/** GET /me/reads (privacyMyReads): officials' reads of the caller's and their family members' data, newest first. */
export const myReads = endpoint('privacyMyReads', {}, async ({ caller }) => {
  const { household } = await healthHeld(caller.userId);
  const residents = household.filter((r) => String(r.sk).startsWith('P#'));
  const rows = await Promise.all(
    residents.map(async (p) =>
      (await readsOf(String(p.residentId))).map((row) => ({ row, name: String(p.maskedName) })),
    ),
  );
  const all = rows.flat().sort((a, b) => String(b.row.at).localeCompare(String(a.row.at)));
  const ids = [...new Set(all.map((r) => String(r.row.actorId)))];
  const names = new Map(await Promise.all(ids.map(async (id) => [id, await users.displayName(id)] as const)));
  return { reads: all.flatMap(({ row, name }) => myReadView(row, name, names.get(String(row.actorId))) ?? []) };
});

/** POST /me/deregister (privacyDeregister): 注销 from the health code or from CityCare; what stays is listed. */
export const deregister = endpoint('privacyDeregister', {}, async ({ body, caller }) => {
  const now = clock.now();
  const r = retention();
  const deleted =
    body.scope === 'health'
      ? await eraseHealth(caller.userId, now, r)
      : await eraseAll(caller.userId, await held(caller.userId), now, r);
  return { scope: body.scope, deleted, kept: keptAfter(body.scope, r) };
});
