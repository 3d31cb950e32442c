import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describeShards, getRecords, shardIterator } from './dynamo-streams';

/**
 * serverless-offline runs no stream triggers: this poller reads DynamoDB Local's streams of the
 * given tables and hands each batch to the function's own handler, as Lambda's event source
 * mapping does — a batch's reported failures (ReportBatchItemFailures) are retried from the first
 * one up to `maximumRetryAttempts` times, then become dead letters (logged and kept), and the
 * stream moves on. Lambda's event filters are not applied: the handler's own rule ignores the rest.
 */
export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

export interface DeadLetter {
  table: string;
  record: DynamoDBRecord;
}

export interface StreamPoller {
  /** Reads every shard to its end and runs the handler on what it found; the number of records. */
  drain(): Promise<number>;
  deadLetters: DeadLetter[];
  stop(): Promise<void>;
}

interface ShardCursor {
  table: string;
  streamArn: string;
  shardId: string;
  iterator: string | undefined;
}

export async function startStreamPoller(options: {
  client: DynamoDBClient;
  endpoint: string;
  tables: string[];
  handler: StreamHandler;
  maximumRetryAttempts: number;
  /** Poll on its own every so often (npm start); null: only when drained (tests). */
  intervalMs: number | null;
  onDeadLetter?: (letter: DeadLetter) => void;
}): Promise<StreamPoller> {
  const { endpoint } = options;
  const cursors = new Map<string, ShardCursor>();
  const deadLetters: DeadLetter[] = [];
  const streams: { table: string; arn: string }[] = [];
  for (const table of options.tables) {
    const described = await options.client.send(new DescribeTableCommand({ TableName: table }));
    const arn = described.Table?.LatestStreamArn;
    if (!arn) throw new Error(`table ${table} has no stream: its serverless.yml needs a StreamSpecification`);
    streams.push({ table, arn });
  }

  /** Shards not seen before: from now on at start, from their beginning later (a new shard is all new). */
  async function discover(first: boolean) {
    for (const { table, arn } of streams) {
      for (const shard of await describeShards(endpoint, arn)) {
        const key = `${arn}|${shard.ShardId}`;
        if (cursors.has(key)) continue;
        const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
        if (first && closed) {
          cursors.set(key, { table, streamArn: arn, shardId: shard.ShardId, iterator: undefined });
          continue;
        }
        const iterator = await shardIterator(endpoint, arn, shard.ShardId, first ? 'LATEST' : 'TRIM_HORIZON');
        cursors.set(key, { table, streamArn: arn, shardId: shard.ShardId, iterator });
      }
    }
  }

  async function deliver(table: string, records: DynamoDBRecord[]) {
    let pending = records;
    for (let attempt = 0; pending.length; attempt++) {
      const answer = await options.handler({ Records: pending }).catch(() => ({
        batchItemFailures: pending.map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })),
      }));
      const failed = new Set((answer?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      const from = pending.findIndex((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
      if (from < 0) return;
      pending = pending.slice(from);
      if (attempt >= options.maximumRetryAttempts) {
        // Lambda's on-failure destination gets the first failed record's batch; here, each is kept.
        const letter = { table, record: pending[0] as DynamoDBRecord };
        deadLetters.push(letter);
        options.onDeadLetter?.(letter);
        pending = pending.slice(1);
        attempt = -1;
      }
    }
  }

  let running: Promise<number> | undefined;
  async function drainOnce(): Promise<number> {
    await discover(false);
    let count = 0;
    for (const cursor of cursors.values()) {
      while (cursor.iterator) {
        const { records, next } = await getRecords(endpoint, cursor.iterator);
        cursor.iterator = next;
        if (!records.length) break;
        count += records.length;
        await deliver(cursor.table, records);
      }
    }
    return count;
  }
  // One drain at a time: the timer's and a test's never interleave.
  const drain = async () => {
    while (running) await running.catch(() => 0);
    running = drainOnce().finally(() => (running = undefined));
    return running;
  };

  await discover(true);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || options.intervalMs === null) return;
    timer = setTimeout(() => {
      drain()
        .catch((err: unknown) => console.error('stream poller:', (err as Error).message))
        .finally(tick);
    }, options.intervalMs);
  };
  tick();
  return {
    drain,
    deadLetters,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => 0);
    },
  };
}
