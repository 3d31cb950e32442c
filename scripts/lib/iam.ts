import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { functionUsage } from './function-usage';
import { BIN, ROOT } from './paths';

/**
 * The permissions each function's code needs, by function name: the DynamoDB actions it
 * sends, the tables (logical resource names in serverless.yml) it names, the secondary indexes
 * of those tables it queries, and the secrets it reads from SSM. Committed as functions/iam.json
 * and turned into one IAM role per function by scripts/serverless/iam-from-usage.js.
 */
export interface FunctionPermissions {
  actions: string[];
  tables: string[];
  /** `Table/index`, e.g. `HealthScansTable/byCode`. */
  indexes: string[];
  /** Secret names under the stage's SSM path, e.g. `session-secret`. */
  secrets: string[];
}

/** The secrets of functions/src/lib/secrets.ts, as named in SSM. */
export const SECRET_NAMES = [
  'session-secret',
  'wechat-app-secret',
  'health-code-keys',
  'health-id-pepper',
  'wechatpay-merchant-key',
  'wechatpay-apiv3-key',
  'wechatpay-public-keys',
];

interface PrintedService {
  functions: Record<string, { handler: string; environment?: Record<string, string> }>;
  provider: { environment: Record<string, string> };
  resources: {
    Resources: Record<
      string,
      { Type: string; Properties: { TableName?: string; GlobalSecondaryIndexes?: { IndexName: string }[] } }
    >;
  };
}

export async function computePermissions(): Promise<Record<string, FunctionPermissions>> {
  const { stdout } = await promisify(execFile)(`${BIN}/serverless`, ['print', '--stage', 'local', '--format', 'json'], {
    cwd: ROOT,
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' },
    maxBuffer: 20 * 1024 * 1024,
  });
  const service = JSON.parse(stdout) as PrintedService;
  const logicalByName = new Map(
    Object.entries(service.resources.Resources)
      .filter(([, r]) => r.Type === 'AWS::DynamoDB::Table')
      .map(([logical, r]) => [r.Properties.TableName ?? '', logical]),
  );
  const out: Record<string, FunctionPermissions> = {};
  const entries = Object.entries(service.functions).sort(([a], [b]) => a.localeCompare(b));
  const usages = await Promise.all(entries.map(([, fn]) => functionUsage(fn.handler)));
  for (const [i, [name, fn]] of entries.entries()) {
    const usage = usages[i] ?? (await functionUsage(fn.handler));
    const env = { ...service.provider.environment, ...fn.environment };
    const tables = usage.tableEnv.map((variable) => {
      const logical = logicalByName.get(String(env[variable] ?? ''));
      if (!logical) throw new Error(`${name}: its code reads ${variable}, which names no table in its environment`);
      return logical;
    });
    const used = [...new Set(tables)].sort();
    const indexes = usage.usesIndex
      ? used.flatMap((logical) =>
          (service.resources.Resources[logical]?.Properties.GlobalSecondaryIndexes ?? [])
            .filter((index) => usage.literals.has(index.IndexName))
            .map((index) => `${logical}/${index.IndexName}`),
        )
      : [];
    out[name] = {
      actions: usage.actions,
      tables: used,
      indexes: indexes.sort(),
      secrets: usage.readsSsm ? SECRET_NAMES.filter((secret) => usage.literals.has(secret)).sort() : [],
    };
  }
  return out;
}
