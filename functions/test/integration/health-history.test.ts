import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ErrorBody, HistoryPageResponse, ResidentDetailResponse } from '@citycare/contract';
import { db } from '../../src/lib/dynamo';
import { declarationKey } from '../../src/health/keys';
import { residentHistory } from '../../src/health/review/handlers';
import { residentHandlers as h, staffHandlers as staff } from './health-api';
import { healthTable, registeredUser } from './health-helpers';
import { call, httpEvent, loginAs } from './helpers';

/** The official's review page pages a resident's status timeline and declarations table. */

let official: { token: string; userId: string };
let owner: Awaited<ReturnType<typeof registeredUser>>;
beforeAll(async () => {
  official = await loginAs('official');
  owner = await registeredUser('hh');
  const id = owner.resident.residentId;
  // 13 status changes by an official (yellow and back), newest last.
  for (let i = 0; i < 13; i++) {
    const colour = i % 2 === 0 ? 'yellow' : 'green';
    const res = await call(staff.setStatus, {
      token: official.token,
      params: { residentId: id },
      body: { colour, reason: `复核第 ${i + 1} 次` },
    });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  }
  // Nine days of declarations, 2020-02-01 to 2020-02-09.
  for (let d = 1; d <= 9; d++) {
    const date = `2020-02-0${d}`;
    await db().send(
      new PutCommand({
        TableName: healthTable(),
        Item: {
          ...declarationKey(owner.userId, id, date),
          date,
          at: `${date}T00:30:00.000Z`,
          temperature: 36.5,
          symptoms: [],
          travel: [],
          contact: 'none',
          finding: 'normal',
        },
      }),
    );
  }
});

async function page(token: string, residentId: string, query: Record<string, string>) {
  const event = httpEvent({ method: 'GET', path: `/health/residents/${residentId}/history`, token });
  event.pathParameters = { residentId };
  event.queryStringParameters = query;
  const res = await residentHistory(event);
  return { status: res.statusCode ?? 0, body: JSON.parse(res.body ?? 'null') as unknown };
}

const detail = async (token: string) =>
  ResidentDetailResponse.parse(
    (await call(h.resident, { method: 'GET', token, params: { residentId: owner.resident.residentId } })).body,
  );

describe('a resident’s history, a page at a time', () => {
  it('gives an official the timeline in pages of 10, newest first, each change once', async () => {
    const first = await detail(official.token);
    expect(first.audit).toHaveLength(10);
    expect(first.audit[0]?.reason).toContain('复核第 13 次');
    const rest = await page(official.token, owner.resident.residentId, {
      kind: 'audit',
      cursor: first.auditCursor ?? '',
    });
    expect(rest.status).toBe(200);
    const second = HistoryPageResponse.parse(rest.body);
    expect(second.declarations).toEqual([]);
    const reasons = [...first.audit, ...second.audit].map((a) => a.reason);
    expect(reasons.filter((r) => r.includes('复核第'))).toHaveLength(13);
    expect(new Set(reasons).size).toBe(reasons.length);
    expect(reasons.at(-1)).toContain('复核第 1 次');
  });

  it('gives the owner the declarations table in pages of 7, then the last page without a cursor', async () => {
    const first = await detail(owner.token);
    expect(first.declarations.map((d) => d.date)).toEqual([9, 8, 7, 6, 5, 4, 3].map((d) => `2020-02-0${d}`));
    const next = HistoryPageResponse.parse(
      (
        await page(owner.token, owner.resident.residentId, {
          kind: 'declarations',
          cursor: first.declarationsCursor ?? '',
        })
      ).body,
    );
    expect(next.declarations.map((d) => d.date)).toEqual(['2020-02-02', '2020-02-01']);
    expect(next.nextCursor).toBeUndefined();
  });

  it('refuses another resident’s owner with 403, and a cursor of another kind, resident or a forged one with 400', async () => {
    const first = await detail(official.token);
    const cursor = first.auditCursor ?? '';
    const stranger = await registeredUser('hh');
    const theirs = await page(stranger.token, owner.resident.residentId, { kind: 'audit', cursor });
    expect(theirs.status).toBe(403);
    for (const [residentId, query] of [
      [owner.resident.residentId, { kind: 'declarations', cursor }],
      [stranger.resident.residentId, { kind: 'audit', cursor }],
      [owner.resident.residentId, { kind: 'audit', cursor: `${cursor.slice(0, -3)}abc` }],
      [owner.resident.residentId, { kind: 'timeline', cursor }],
    ] as const) {
      const res = await page(official.token, residentId, query);
      expect(res.status).toBe(400);
      expect(ErrorBody.parse(res.body).error.code).toMatch(/BAD_REQUEST|VALIDATION_FAILED/);
    }
  });
});
