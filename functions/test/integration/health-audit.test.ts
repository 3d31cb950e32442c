import { AuditLogResponse, ErrorBody, type ScanRow } from '@citycare/contract';
import { auditLog } from '../../src/health/audit/handlers';
import { grantRole } from '../../src/admin/handlers';
import { residentHandlers as h, staffHandlers as staff } from './health-api';
import { call, httpEvent, loginAs, scanAll, unique } from './helpers';
import { newUser, placeToken, registeredUser, scanId } from './health-helpers';

/** Officials' audit log (who looked at whom, when and why) and the place trace's time range. */

let official: { token: string; userId: string };
beforeAll(async () => {
  official = await loginAs('official'); // 陈静
});

const HOUR = 3600_000;
const auditRows = async () => (await scanAll(process.env.TABLE_AUDIT ?? '')).filter((i) => i.pk === 'HEALTH#TRACE');

/** One page of the log as `token` asks for it. */
async function logPage(token: string, query: Record<string, string> = {}) {
  const event = httpEvent({ method: 'GET', path: '/health/audit', token });
  event.queryStringParameters = query;
  const res = await auditLog(event);
  return { status: res.statusCode ?? 0, body: JSON.parse(res.body ?? 'null') as unknown };
}
const entriesOf = async (token: string, query: Record<string, string> = {}) => {
  const page = await logPage(token, query);
  expect(page.status).toBe(200);
  return AuditLogResponse.parse(page.body);
};

/** A new user holding the official role, granted by the demo admin through the real API. */
async function newOfficial() {
  const user = await newUser('of');
  const admin = await loginAs('admin');
  const res = await call(grantRole, { token: admin.token, body: { userId: user.userId, grant: { role: 'official' } } });
  expect(res.status).toBe(200);
  return user;
}

describe('place tracing over a from–to range', () => {
  const trace = (from: number, to: number, reason: string) =>
    call<{ scans: ScanRow[]; auditId: string }>(staff.tracePlace, {
      token: official.token,
      body: { placeId: 'vh-bus-3', from: new Date(from).toISOString(), to: new Date(to).toISOString(), reason },
    });

  it('finds a visit inside the range and not outside it', async () => {
    const r = await registeredUser();
    await call(h.visit, {
      token: r.token,
      body: { visitId: scanId(), placeToken: await placeToken('vh-bus-3'), residentId: r.resident.residentId },
    });
    const now = Date.now();
    const inside = await trace(now - 2 * HOUR, now + 60_000, unique('公交车流调'));
    expect(inside.status).toBe(200);
    expect(inside.body.scans.some((s) => s.residentId === r.resident.residentId)).toBe(true);
    const before = await trace(now - 30 * HOUR, now - 20 * HOUR, unique('公交车流调'));
    expect(before.status).toBe(200);
    expect(before.body.scans.some((s) => s.residentId === r.resident.residentId)).toBe(false);
  });

  it('refuses (400, nothing audited) a range in the future, older than the 28 days kept, or over 72 hours', async () => {
    const now = Date.now();
    const cases = [
      [now + HOUR, now + 2 * HOUR, '结束时间不能晚于现在'],
      [now - HOUR, now + 10 * 60_000, '结束时间不能晚于现在'],
      [now - 29 * 24 * HOUR, now - 28.5 * 24 * HOUR, '扫码记录只保留 28 天'],
      [now - 73 * HOUR, now, '一次最多查询 72 小时'],
      [now - HOUR, now - 2 * HOUR, '开始时间应早于结束时间'],
    ] as const;
    for (const [from, to, message] of cases) {
      const reason = unique('越界查询');
      const res = await trace(from, to, reason);
      expect(res.status).toBe(400);
      expect(ErrorBody.parse(res.body).error.message).toContain(message);
      expect((await auditRows()).some((a) => a.reason === reason)).toBe(false);
    }
    // The last 28 days, 72 hours at a time, are allowed.
    expect((await trace(now - 27 * 24 * HOUR, now - 24 * 24 * HOUR, unique('早期流调'))).status).toBe(200);
  });
});

describe('the officials’ audit log', () => {
  it('shows who looked at a resident, when and why, filtered by resident and by official, newest first', async () => {
    const other = await newOfficial();
    const r = await registeredUser();
    const residentId = r.resident.residentId;
    const why = unique('密接者轨迹核查');
    expect((await call(staff.lookup, { token: official.token, body: { idNumber: r.idNumber } })).status).toBe(200);
    expect((await call(h.resident, { method: 'GET', token: official.token, params: { residentId } })).status).toBe(200);
    expect((await call(staff.traceResident, { token: other.token, body: { residentId, reason: why } })).status).toBe(
      200,
    );
    // The resident's own look at their code is not an official's read.
    expect((await call(h.resident, { method: 'GET', token: r.token, params: { residentId } })).status).toBe(200);

    const log = await entriesOf(official.token, { residentId });
    expect(log.entries.map((e) => [e.action, e.officialId])).toEqual([
      ['health.audit.read', official.userId],
      ['health.trace.resident', other.userId],
      ['health.resident.view', official.userId],
      ['health.lookup', official.userId],
    ]);
    expect(log.entries[0]?.officialName).toBe('陈静');
    expect(log.entries[1]).toMatchObject({ residentId, reason: why });
    expect(log.nextCursor).toBeUndefined();

    const byOther = await entriesOf(official.token, { residentId, officialId: other.userId });
    expect(byOther.entries.map((e) => e.action)).toEqual(['health.trace.resident']);
    const allByOther = await entriesOf(official.token, { officialId: other.userId });
    expect(allByOther.entries.every((e) => e.officialId === other.userId)).toBe(true);
    expect(allByOther.entries.map((e) => e.action)).toContain('health.trace.resident');

    // Each read of the log is itself in the log, with the filter it used.
    const reads = (await auditRows()).filter((a) => a.action === 'health.audit.read' && a.actorId === official.userId);
    expect(reads.filter((a) => a.residentId === residentId)).toHaveLength(2);
    expect(reads.some((a) => a.filterOfficialId === other.userId && a.residentId === undefined)).toBe(true);
  });

  it('pages through a long history with a sealed cursor, each entry once', async () => {
    const other = await newOfficial();
    const r = await registeredUser();
    const residentId = r.resident.residentId;
    for (let i = 0; i < 24; i++) {
      await call(staff.traceResident, { token: other.token, body: { residentId, reason: `核查第 ${i + 1} 次` } });
    }
    const first = await entriesOf(official.token, { residentId });
    expect(first.entries).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await entriesOf(official.token, { residentId, cursor: first.nextCursor ?? '' });
    // 24 traces and the first page's own read: 25 in all, the second read came after the cursor.
    expect(second.entries).toHaveLength(5);
    expect(second.nextCursor).toBeUndefined();
    const ids = [...first.entries, ...second.entries].map((e) => e.auditId);
    expect(new Set(ids).size).toBe(25);
    const times = [...first.entries, ...second.entries].map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(second.entries.at(-1)).toMatchObject({ action: 'health.trace.resident', reason: '核查第 1 次' });

    // A cursor is sealed for its filter: another filter's, or a forged one, is a 400.
    expect((await logPage(official.token, { cursor: first.nextCursor ?? '' })).status).toBe(400);
    expect((await logPage(official.token, { residentId, cursor: 'AAAA' })).status).toBe(400);
  });

  it('is for health officials only: residents, workers, checkpoint staff and admins get 403, with nothing read', async () => {
    const refused: string[] = [];
    for (const key of ['resident', 'worker', 'checkpoint', 'admin', 'utility']) {
      const user = await loginAs(key);
      refused.push(user.userId);
      const res = await logPage(user.token);
      expect(res.status).toBe(403);
      expect(ErrorBody.parse(res.body).error.code).toBe('FORBIDDEN');
    }
    expect((await logPage('')).status).toBe(401);
    // No audit-log read is recorded for them (the seeded worker prints paper codes in other files).
    const reads = (await auditRows()).filter((a) => a.action === 'health.audit.read');
    expect(reads.filter((a) => refused.includes(String(a.actorId)))).toEqual([]);
  });

  it('refuses bad filters with 400', async () => {
    expect((await logPage(official.token, { officialId: 'not-a-user' })).status).toBe(400);
    expect((await logPage(official.token, { residentId: 'a b' })).status).toBe(400);
  });
});
