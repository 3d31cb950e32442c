/**
 * The local stack's stream triggers (started by scripts/lib/stack.ts with the functions'
 * environment): polls DynamoDB Local's streams of each stream-fed function in serverless.yml
 * and runs its handler, as Lambda's event source mappings do in AWS (scripts/lib/stream-poller.ts).
 */
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ROOT } from './lib/paths';
import { startStreamPoller, type StreamHandler } from './lib/stream-poller';
import type { StreamConsumer } from './lib/tables';

async function main() {
  const consumers = JSON.parse(process.env.CITYCARE_STREAMS ?? '[]') as StreamConsumer[];
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? '';
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  for (const consumer of consumers) {
    const dot = consumer.handler.lastIndexOf('.');
    const module = (await import(join(ROOT, `${consumer.handler.slice(0, dot)}.ts`))) as Record<string, unknown>;
    const handler = module[consumer.handler.slice(dot + 1)] as StreamHandler;
    await startStreamPoller({
      client,
      endpoint,
      tables: consumer.tables,
      handler,
      maximumRetryAttempts: consumer.maximumRetryAttempts,
      intervalMs: 500,
      onDeadLetter: (letter) =>
        console.error(`${consumer.name}: dead letter from ${letter.table}: ${letter.record.eventID ?? ''}`),
    });
    console.log(`${consumer.name}: polling the streams of ${consumer.tables.join(', ')}`);
  }
}

main().catch((err: unknown) => {
  console.error('streams failed:', err);
  process.exit(1);
});
