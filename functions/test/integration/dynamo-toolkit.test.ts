import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  auditPut,
  batchGetAll,
  CONFLICT,
  countAll,
  db,
  queryAll,
  queryPage,
  retryOnConflict,
  transact,
  TransactionCancelled,
} from '../../src/lib/dynamo';
import { auditTable } from '../../src/lib/env';
import { AppError } from '../../src/lib/errors';

const unique = () => `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
const T = () => auditTable();

async function putRows(pk: string, n: number) {
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      db().send(new PutCommand({ TableName: T(), Item: { pk, sk: String(i).padStart(4, '0'), n: i } })),
    ),
  );
}

describe('storage toolkit (lib/dynamo) against DynamoDB Local', () => {
  it('queryAll follows every page; max stops early; countAll counts; queryPage hands back the next key', async () => {
    const pk = unique();
    await putRows(pk, 25);
    const input = { TableName: T(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } };
    const all = await queryAll<{ n: number }>({ ...input, Limit: 4 });
    expect(all.map((r) => r.n)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(await queryAll({ ...input, Limit: 4 }, { max: 10 })).toHaveLength(10);
    expect(await countAll({ ...input, Limit: 7 })).toBe(25);
    const first = await queryPage({ ...input, Limit: 20 });
    expect(first.items).toHaveLength(20);
    const rest = await queryPage({ ...input, Limit: 20, ExclusiveStartKey: first.last });
    expect(rest.items).toHaveLength(5);
  });

  it('batchGetAll reads more than 100 keys across tables-worth of chunks; missing keys are absent', async () => {
    const pk = unique();
    await putRows(pk, 130);
    const keys = Array.from({ length: 135 }, (_, i) => ({ pk, sk: String(i).padStart(4, '0') }));
    const out = await batchGetAll<{ n: number }>({ [T()]: keys }, { consistent: true });
    expect(out[T()]?.map((r) => r.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 130 }, (_, i) => i));
  });

  it('transact commits all or nothing and reports each item’s reason, old values and tag', async () => {
    const pk = unique();
    await putRows(pk, 1);
    const err = await transact<string>([
      { item: { Put: { TableName: T(), Item: { pk, sk: 'new' } } }, tag: 'fresh' },
      {
        item: {
          ConditionCheck: {
            TableName: T(),
            Key: { pk, sk: '0000' },
            ConditionExpression: 'n = :one',
            ExpressionAttributeValues: { ':one': 1 },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        tag: 'check',
      },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransactionCancelled);
    const reasons = (err as TransactionCancelled<string>).reasons;
    expect(reasons.map((r) => [r.code, r.tag])).toEqual([
      ['None', 'fresh'],
      ['ConditionalCheckFailed', 'check'],
    ]);
    expect(reasons[1]?.old).toMatchObject({ pk, sk: '0000', n: 0 });
    const absent = await db().send(new GetCommand({ TableName: T(), Key: { pk, sk: 'new' } }));
    expect(absent.Item).toBeUndefined();
    // An audit row written in the same transaction as the change it records.
    await transact([auditPut(pk, new Date(), 'actor-1', { action: 'test.audit' })]);
    expect(
      await queryAll({ TableName: T(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }),
    ).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'test.audit', actorId: 'actor-1' })]));
  });

  it('retryOnConflict retries lost races, then answers 503 TRY_AGAIN; other errors pass through', async () => {
    const pk = unique();
    await putRows(pk, 1);
    let tries = 0;
    const bump = (expected: number) =>
      db().send(
        new UpdateCommand({
          TableName: T(),
          Key: { pk, sk: '0000' },
          UpdateExpression: 'SET n = n + :one',
          ConditionExpression: 'n = :expected',
          ExpressionAttributeValues: { ':one': 1, ':expected': expected },
        }),
      );
    // First attempt writes with a stale value (loses the race), the second reads afresh.
    const result = await retryOnConflict(
      async (n) => {
        tries++;
        await bump(n === 0 ? 99 : 0);
        return 'done';
      },
      { message: '请稍后再试' },
    );
    expect([result, tries]).toEqual(['done', 2]);
    const err = await retryOnConflict(async () => CONFLICT, { attempts: 3, message: '人太多了' }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'TRY_AGAIN', message: '人太多了' });
    expect(err).toBeInstanceOf(AppError);
    await expect(
      retryOnConflict(
        async () => {
          throw new Error('boom');
        },
        { message: 'x' },
      ),
    ).rejects.toThrow('boom');
  });
});
