import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { BIN, ROOT } from './paths';

/**
 * Tables come from the Resources of serverless.yml, as `serverless print` resolves them for a
 * stage: the deployed schema and the local one cannot drift.
 */
interface TableResource {
  Type: string;
  Properties: Omit<CreateTableCommandInput, 'StreamSpecification'> & {
    TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
    StreamSpecification?: { StreamViewType: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY' };
  };
}

/** A function fed by tables' streams (serverless.yml `stream` events): DynamoDB Local has no trigger, a poller runs it. */
export interface StreamConsumer {
  name: string;
  /** `functions/src/notify/lambdas/notifier.handler` */
  handler: string;
  tables: string[];
  /** Its `maximumRetryAttempts` (the poller's retries of a failed batch before the dead letters). */
  maximumRetryAttempts: number;
}

export interface ServiceDefinition {
  tables: TableResource['Properties'][];
  /** The functions' environment, as deployed for this stage. */
  environment: Record<string, string>;
  streams: StreamConsumer[];
}

type StreamEvent = { stream?: { arn?: { 'Fn::GetAtt'?: [string, string] }; maximumRetryAttempts?: number } };

function streamConsumers(
  functions: Record<string, { handler: string; events?: StreamEvent[] }>,
  resources: Record<string, TableResource>,
): StreamConsumer[] {
  return Object.entries(functions).flatMap(([name, fn]) => {
    const streams = (fn.events ?? []).flatMap((e) => (e.stream ? [e.stream] : []));
    if (!streams.length) return [];
    const tables = streams.map((s) => resources[s.arn?.['Fn::GetAtt']?.[0] ?? '']?.Properties.TableName ?? '');
    const maximumRetryAttempts = Math.max(0, ...streams.map((s) => s.maximumRetryAttempts ?? 0));
    return [{ name, handler: fn.handler, tables: tables.filter(Boolean), maximumRetryAttempts }];
  });
}

export async function serviceDefinition(
  stage: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServiceDefinition> {
  const { stdout } = await promisify(execFile)(`${BIN}/serverless`, ['print', '--stage', stage, '--format', 'json'], {
    cwd: ROOT,
    env: { ...env, SLS_TELEMETRY_DISABLED: '1' },
    maxBuffer: 10 * 1024 * 1024,
  });
  const service = JSON.parse(stdout) as {
    provider: { environment: Record<string, string | number | boolean> };
    functions?: Record<
      string,
      { handler: string; events?: StreamEvent[]; environment?: Record<string, string | number | boolean> }
    >;
    resources: { Resources: Record<string, TableResource> };
  };
  // Domains give their functions their own table names at function level; in-process callers
  // (tests, bench, seed) need them all.
  const functionEnv = Object.values(service.functions ?? {}).map((f) => f.environment ?? {});
  return {
    tables: Object.values(service.resources.Resources)
      .filter((r) => r.Type === 'AWS::DynamoDB::Table')
      .map((r) => r.Properties),
    environment: Object.fromEntries(
      Object.entries(Object.assign({}, ...functionEnv, service.provider.environment) as Record<string, unknown>).map(
        ([k, v]) => [k, String(v)],
      ),
    ),
    streams: streamConsumers(service.functions ?? {}, service.resources.Resources),
  };
}

/**
 * Adds the secondary indexes serverless.yml gained since a kept local table was made (data in
 * .data/ survives restarts), as a deploy would. One index per UpdateTable, as DynamoDB requires.
 */
async function addMissingIndexes(client: DynamoDBClient, def: TableResource['Properties']): Promise<void> {
  const table = (await client.send(new DescribeTableCommand({ TableName: def.TableName }))).Table;
  const have = new Set((table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  for (const index of def.GlobalSecondaryIndexes ?? []) {
    if (have.has(index.IndexName)) continue;
    const names = new Set(index.KeySchema?.map((k) => k.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: def.TableName,
        AttributeDefinitions: def.AttributeDefinitions?.filter((a) => names.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
}

/** Turns on the stream serverless.yml gained since a kept local table was made, as a deploy would. */
async function addMissingStream(client: DynamoDBClient, def: TableResource['Properties']): Promise<void> {
  if (!def.StreamSpecification) return;
  const table = (await client.send(new DescribeTableCommand({ TableName: def.TableName }))).Table;
  if (table?.StreamSpecification?.StreamEnabled) return;
  await client.send(
    new UpdateTableCommand({
      TableName: def.TableName,
      StreamSpecification: { StreamEnabled: true, ...def.StreamSpecification },
    }),
  );
}

/** Creates every table that does not exist yet, with its indexes and TTL. Returns the names created. */
export async function ensureTables(client: DynamoDBClient, defs: TableResource['Properties'][]): Promise<string[]> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  const created: string[] = [];
  for (const def of defs) {
    if (!def.TableName) continue;
    if (existing.has(def.TableName)) {
      await addMissingIndexes(client, def);
      await addMissingStream(client, def);
      continue;
    }
    await client.send(
      new CreateTableCommand({
        TableName: def.TableName,
        AttributeDefinitions: def.AttributeDefinitions,
        KeySchema: def.KeySchema,
        GlobalSecondaryIndexes: def.GlobalSecondaryIndexes,
        BillingMode: 'PAY_PER_REQUEST',
        ...(def.StreamSpecification
          ? { StreamSpecification: { StreamEnabled: true, ...def.StreamSpecification } }
          : {}),
      }),
    );
    await client.send(new DescribeTableCommand({ TableName: def.TableName }));
    if (def.TimeToLiveSpecification?.Enabled) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: def.TableName,
          TimeToLiveSpecification: { AttributeName: def.TimeToLiveSpecification.AttributeName, Enabled: true },
        }),
      );
    }
    created.push(def.TableName);
  }
  return created;
}
