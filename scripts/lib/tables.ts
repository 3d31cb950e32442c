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
  Properties: CreateTableCommandInput & {
    TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
  };
}

export interface ServiceDefinition {
  tables: TableResource['Properties'][];
  /** The functions' environment, as deployed for this stage. */
  environment: Record<string, string>;
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
    functions?: Record<string, { environment?: Record<string, string | number | boolean> }>;
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

/** Creates every table that does not exist yet, with its indexes and TTL. Returns the names created. */
export async function ensureTables(client: DynamoDBClient, defs: TableResource['Properties'][]): Promise<string[]> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  const created: string[] = [];
  for (const def of defs) {
    if (!def.TableName) continue;
    if (existing.has(def.TableName)) {
      await addMissingIndexes(client, def);
      continue;
    }
    await client.send(
      new CreateTableCommand({
        TableName: def.TableName,
        AttributeDefinitions: def.AttributeDefinitions,
        KeySchema: def.KeySchema,
        GlobalSecondaryIndexes: def.GlobalSecondaryIndexes,
        BillingMode: 'PAY_PER_REQUEST',
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
