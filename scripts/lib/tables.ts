import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ListTablesCommand,
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

export async function tableDefinitions(stage: string, env: NodeJS.ProcessEnv = process.env) {
  const { stdout } = await promisify(execFile)(
    `${BIN}/serverless`,
    ['print', '--stage', stage, '--format', 'json', '--path', 'resources.Resources'],
    { cwd: ROOT, env: { ...env, SLS_TELEMETRY_DISABLED: '1' }, maxBuffer: 10 * 1024 * 1024 },
  );
  const resources = JSON.parse(stdout) as Record<string, TableResource>;
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::DynamoDB::Table')
    .map((r) => r.Properties);
}

/** Creates every table that does not exist yet, with its indexes and TTL. Returns the names created. */
export async function ensureTables(client: DynamoDBClient, defs: TableResource['Properties'][]): Promise<string[]> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  const created: string[] = [];
  for (const def of defs) {
    if (!def.TableName || existing.has(def.TableName)) continue;
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

/** Table names by logical role (`users`, `directory`, ...) as the functions' environment names them. */
export function tableEnv(defs: TableResource['Properties'][], service = 'citycare', stage = 'local') {
  const env: Record<string, string> = {};
  for (const def of defs) {
    const name = def.TableName ?? '';
    const logical = name.replace(`${service}-${stage}-`, '');
    env[`TABLE_${logical.toUpperCase().replace(/-/g, '_')}`] = name;
  }
  return env;
}
