import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computePermissions, type FunctionPermissions } from '../../../scripts/lib/iam';
import { BIN, ROOT } from '../../../scripts/lib/paths';

/**
 * `serverless package --stage prod` with no AWS credentials at all, and checks of the
 * CloudFormation template ops would deploy.
 */
interface Resource {
  Type: string;
  DeletionPolicy?: string;
  Properties: Record<string, unknown>;
}
let resources: Record<string, Resource>;
let templateText: string;
const committed = JSON.parse(readFileSync(join(ROOT, 'functions', 'iam.json'), 'utf8')) as Record<
  string,
  FunctionPermissions
>;

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'citycare-package-'));
  const noCredentials = {
    ...process.env,
    AWS_ACCESS_KEY_ID: '',
    AWS_SECRET_ACCESS_KEY: '',
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    SLS_TELEMETRY_DISABLED: '1',
  };
  execFileSync(join(BIN, 'serverless'), ['package', '--stage', 'prod', '--package', out], {
    cwd: ROOT,
    env: noCredentials,
    stdio: 'pipe',
  });
  templateText = readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8');
  resources = (JSON.parse(templateText) as { Resources: Record<string, Resource> }).Resources;
}, 600_000);

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
type Statement = { Action: string[]; Resource: unknown };
const policyStatements = (role: Resource) =>
  (role.Properties.Policies as { PolicyDocument: { Statement: Statement[] } }[]).flatMap(
    (p) => p.PolicyDocument.Statement,
  );

describe('the production template', () => {
  it('grants no wildcard action or resource anywhere', () => {
    for (const [name, role] of ofType('AWS::IAM::Role')) {
      for (const statement of policyStatements(role)) {
        for (const action of statement.Action)
          expect({ name, action, wild: action.includes('*') }).toMatchObject({ wild: false });
        expect({ name, resource: JSON.stringify(statement.Resource) }).not.toMatchObject({ resource: '"*"' });
      }
    }
  });

  it('gives every function its own role with exactly the DynamoDB actions and tables its code uses', async () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(functions.length).toBe(Object.keys(committed).length);
    for (const [, fn] of functions) {
      const name = String(fn.Properties.FunctionName).replace(/^citycare-prod-/, '');
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0] ?? '';
      expect(roleId).not.toBe('IamRoleLambdaExecution');
      const statements = policyStatements(resources[roleId] as Resource);
      const dynamo = statements.filter((s) => s.Action.some((a) => a.startsWith('dynamodb:')));
      const granted = new Set(dynamo.flatMap((s) => s.Action));
      const tables = new Set(
        dynamo.flatMap((s) =>
          (s.Resource as { 'Fn::GetAtt'?: string[] }[]).map((r) => r['Fn::GetAtt']?.[0]).filter(Boolean),
        ),
      );
      const needed = committed[name];
      expect({ name, actions: [...granted].sort() }).toEqual({ name, actions: needed?.actions });
      expect({ name, tables: [...tables].sort() }).toEqual({ name, tables: needed?.tables });
      const ssm = statements.some((s) => s.Action.includes('ssm:GetParameter'));
      expect({ name, ssm }).toEqual({ name, ssm: needed?.ssm });
    }
  });

  it('matches functions/iam.json to what each function’s bundled code uses (run npm run iam:sync if not)', async () => {
    expect(await computePermissions()).toEqual(committed);
  }, 600_000);

  it('runs Node 22 on arm64 for every function', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
    }
  });

  it('protects every table: on demand, PITR, encryption, deletion protection, retained', () => {
    const tables = ofType('AWS::DynamoDB::Table');
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const [name, table] of tables) {
      expect({ name, policy: table.DeletionPolicy, ...table.Properties }).toMatchObject({
        name,
        policy: 'Retain',
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
      });
    }
  });

  it('expires idempotency records and health scan records with TTL', () => {
    for (const name of ['IdempotencyTable', 'HealthScansTable']) {
      expect(resources[name]?.Properties.TimeToLiveSpecification).toMatchObject({ Enabled: true });
    }
  });

  it('sets log retention on every function’s log group', () => {
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBe(Object.keys(committed).length);
    for (const [, group] of groups) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('contains no secret value and no local key', () => {
    expect(templateText).not.toMatch(/PRIVATE KEY|session_key|AKIA[0-9A-Z]{16}/);
    for (const variable of ['SECRETS_SOURCE', 'SECRETS_PATH']) expect(templateText).toContain(variable);
    expect(templateText).not.toMatch(/"(SESSION_SECRET|WECHAT_APP_SECRET|HEALTH_CODE_KEYS)"/);
  });
});
