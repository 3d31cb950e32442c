import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computePermissions, type FunctionPermissions } from '../../../scripts/lib/iam';
import { BIN, ROOT } from '../../../scripts/lib/paths';
import { checkStageConfig, stageConfig, type StageConfig } from '../../../scripts/lib/config';
import { devLoginRefusal } from '../../src/auth/dev-login';
import { parse } from 'yaml';

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
const prod = parse(readFileSync(join(ROOT, 'config', 'prod.yml'), 'utf8')) as {
  concurrency: Record<string, number>;
  api: { throttle: { rate: number; burst: number } };
  alarms: { email: string };
};
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
  it('grants no wildcard action or resource: the one wildcard is a function’s own log streams', () => {
    for (const [name, role] of ofType('AWS::IAM::Role')) {
      for (const statement of policyStatements(role)) {
        for (const action of statement.Action)
          expect({ name, action }).toEqual({ name, action: action.replace('*', '') });
        for (const resource of statement.Resource as unknown[]) {
          const text = JSON.stringify(resource);
          const allowed =
            /^\{"Fn::Sub":"arn:\$\{AWS::Partition\}:logs:[^*]+:log-group:\/aws\/lambda\/citycare-prod-\w+:log-stream:\*"\}$/;
          if (text.includes('*'))
            expect({ name, resource: text, allowed: allowed.test(text) }).toMatchObject({ allowed: true });
        }
      }
    }
  });

  it('gives every function its own role with exactly the tables, indexes, actions and secrets its code uses', () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(functions.length).toBe(Object.keys(committed).length);
    for (const [, fn] of functions) {
      const name = String(fn.Properties.FunctionName).replace(/^citycare-prod-/, '');
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0] ?? '';
      expect(roleId).not.toBe('IamRoleLambdaExecution');
      const all = policyStatements(resources[roleId] as Resource);
      // A stream-fed function's reads of its streams and its dead-letter queue: checked below.
      const isStreamRead = (s: Statement) => JSON.stringify(s.Resource).includes('"StreamArn"');
      const statements = all.filter((s) => !isStreamRead(s) && !s.Action.includes('sqs:SendMessage'));
      const dynamo = statements.filter((s) => s.Action.some((a) => a.startsWith('dynamodb:')));
      const granted = new Set(dynamo.flatMap((s) => s.Action));
      const targets = dynamo.flatMap((s) => s.Resource as Record<string, unknown>[]);
      const tables = targets.map((r) => (r['Fn::GetAtt'] as string[] | undefined)?.[0]).filter(Boolean);
      const indexes = targets
        .map((r) => r['Fn::Join'] as [string, [{ 'Fn::GetAtt': string[] }, string, string]] | undefined)
        .filter(Boolean)
        .map((join) => `${join?.[1][0]['Fn::GetAtt'][0]}/${join?.[1][2]}`);
      const secrets = statements
        .filter((s) => s.Action.includes('ssm:GetParameter'))
        .flatMap((s) => s.Resource as { 'Fn::Sub': string }[])
        .map((r) => r['Fn::Sub'].replace(/^.*:parameter\/citycare\/prod\//, ''));
      const needed = committed[name];
      expect({ name, actions: [...granted].sort() }).toEqual({ name, actions: needed?.actions });
      expect({ name, tables: tables.sort() }).toEqual({ name, tables: needed?.tables });
      expect({ name, indexes: indexes.sort() }).toEqual({ name, indexes: needed?.indexes });
      expect({ name, secrets: secrets.sort() }).toEqual({ name, secrets: needed?.secrets });
      expect(statements.flatMap((s) => s.Action).every((a) => /^(dynamodb|ssm|logs):[A-Za-z]+$/.test(a))).toBe(true);
    }
  });

  it('lets the notifier read only its tables’ streams and send only to its dead-letter queue', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0] ?? '';
      const statements = policyStatements(resources[roleId] as Resource);
      const streams = statements.filter((s) => JSON.stringify(s.Resource).includes('"StreamArn"'));
      const sqs = statements.filter((s) => s.Action.some((a) => a.startsWith('sqs:')));
      if (fn.Properties.FunctionName !== 'citycare-prod-notifier') {
        expect({ fn: fn.Properties.FunctionName, streams, sqs }).toEqual({
          fn: fn.Properties.FunctionName,
          streams: [],
          sqs: [],
        });
        continue;
      }
      expect(streams.flatMap((s) => s.Action).sort()).toEqual([
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
      ]);
      const tables = streams.flatMap((s) =>
        (s.Resource as { 'Fn::GetAtt': string[] }[]).map((r) => r['Fn::GetAtt'][0]),
      );
      expect(tables.sort()).toEqual(['GroceryTable', 'HealthTable', 'UtilityTable']);
      expect(sqs).toEqual([
        {
          Effect: 'Allow',
          Action: ['sqs:SendMessage'],
          Resource: [{ 'Fn::GetAtt': ['NotifyDeadLetterQueue', 'Arn'] }],
        },
      ]);
    }
    const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, m]) => m.Properties);
    expect(mappings).toHaveLength(3);
    for (const m of mappings) {
      expect(m).toMatchObject({
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['NotifyDeadLetterQueue', 'Arn'] } } },
      });
      expect(m.MaximumRetryAttempts).toBeGreaterThan(0);
      expect(JSON.stringify(m.FilterCriteria)).toContain('MODIFY');
    }
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(
      alarms.filter((a) => a.Namespace === 'AWS/SQS' && JSON.stringify(a.Dimensions).includes('NotifyDeadLetterQueue')),
    ).toHaveLength(1);
  });

  it('leaves no unused shared role, and stays inside CloudFormation’s 500-resource limit', () => {
    expect(resources.IamRoleLambdaExecution).toBeUndefined();
    expect(Object.keys(resources).length).toBeLessThan(450);
  });

  it('matches functions/iam.json to what each function’s bundled code uses (run npm run iam:sync if not)', async () => {
    expect(await computePermissions()).toEqual(committed);
  }, 600_000);

  it('runs Node 22 on arm64 for every function, with memory, and timeouts inside the API’s 30 s', () => {
    const integrations = JSON.stringify(ofType('AWS::ApiGatewayV2::Integration'));
    for (const [logicalId, fn] of ofType('AWS::Lambda::Function')) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
      expect(fn.Properties.MemorySize).toBeGreaterThanOrEqual(256);
      const servesApi = integrations.includes(`"${logicalId}"`);
      expect({ logicalId, timeout: Number(fn.Properties.Timeout) <= (servesApi ? 29 : 900) }).toEqual({
        logicalId,
        timeout: true,
      });
    }
  });

  it('reserves concurrency from config/prod.yml where a function must not swamp the database', () => {
    const reserved = Object.fromEntries(
      ofType('AWS::Lambda::Function')
        .filter(([, fn]) => fn.Properties.ReservedConcurrentExecutions !== undefined)
        .map(([, fn]) => [String(fn.Properties.FunctionName), fn.Properties.ReservedConcurrentExecutions]),
    );
    const wanted = Object.fromEntries(Object.entries(prod.concurrency).map(([fn, n]) => [`citycare-prod-${fn}`, n]));
    expect(reserved).toEqual(wanted);
    const total = Object.values(prod.concurrency).reduce((a, b) => a + b, 0);
    // The account's default quota is 1000, of which Lambda keeps 100 unreserved.
    expect(total).toBeLessThanOrEqual(900);
  });

  it('throttles the HTTP API per stage and writes access logs without personal data', () => {
    const stage = resources.HttpApiStage as Resource;
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: prod.api.throttle.rate,
      ThrottlingBurstLimit: prod.api.throttle.burst,
    });
    const access = stage.Properties.AccessLogSettings as { Format: string; DestinationArn: unknown };
    expect(JSON.parse(access.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    expect(access.Format).not.toMatch(/sourceIp|querystring|authorizer|userAgent/i);
    expect((resources.HttpApiLogGroup as Resource).Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('alarms on every function’s errors and throttles, the API’s 5xx rate and latency, and table throttling', () => {
    const topic = resources.OpsTopic as Resource;
    expect(topic.Properties.Subscription).toEqual([{ Protocol: 'email', Endpoint: prod.alarms.email }]);
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    for (const a of alarms) expect(a.AlarmActions).toEqual([{ Ref: 'OpsTopic' }]);
    type Metric = { MetricName: unknown; Dimensions: unknown };
    const metricsOf = (a: Record<string, unknown>): Metric[] =>
      a.Metrics
        ? (a.Metrics as { MetricStat?: { Metric: Metric } }[]).flatMap((m) =>
            m.MetricStat ? [m.MetricStat.Metric] : [],
          )
        : [{ MetricName: a.MetricName, Dimensions: a.Dimensions }];
    const on = (metric: string, ref: string) =>
      alarms.filter((a) =>
        metricsOf(a).some((m) => m.MetricName === metric && JSON.stringify(m.Dimensions).includes(`{"Ref":"${ref}"}`)),
      );
    for (const [logicalId] of ofType('AWS::Lambda::Function')) {
      expect({ logicalId, errors: on('Errors', logicalId).length }).toEqual({ logicalId, errors: 1 });
      expect({ logicalId, throttles: on('Throttles', logicalId).length }).toEqual({
        logicalId,
        throttles: 1,
      });
    }
    expect(on('5xx', 'HttpApi')).toHaveLength(1);
    expect(on('Latency', 'HttpApi')).toHaveLength(1);
    for (const [logicalId, table] of ofType('AWS::DynamoDB::Table')) {
      const alarm = on('WriteThrottleEvents', logicalId);
      expect({ logicalId, alarms: alarm.length }).toEqual({ logicalId, alarms: 1 });
      const indexes = (table.Properties.GlobalSecondaryIndexes as { IndexName: string }[] | undefined) ?? [];
      for (const index of indexes) expect(JSON.stringify(alarm[0])).toContain(`"Value":"${index.IndexName}"`);
    }
  });

  it('counts business metrics under the stage, and no secret reaches the environment', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.METRICS_STAGE).toBe('prod');
      expect(env.SECRETS_SOURCE).toBe('ssm');
    }
  });

  it('switches the dev login off in every function, and the functions would refuse it there anyway', () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(0);
    for (const [logicalId, fn] of functions) {
      const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect({ logicalId, devLogin: String(env.DEV_LOGIN) }).toEqual({ logicalId, devLogin: 'false' });
      const on = { DEV_LOGIN: 'true', SECRETS_SOURCE: String(env.SECRETS_SOURCE) };
      expect({ logicalId, refusal: devLoginRefusal(on) }).toEqual({ logicalId, refusal: expect.any(String) });
    }
  });

  it('cannot be started with the dev login on: the scripts’ start-up check refuses the config', () => {
    expect(stageConfig('prod').auth.devLogin).toBe(false);
    const prodWithDevLogin = { ...stageConfig('prod'), auth: { devLogin: true } } as StageConfig;
    expect(() => checkStageConfig('prod', prodWithDevLogin)).toThrow(/dev login.*ssm/);
    expect(() => stageConfig('local')).not.toThrow();
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

  it('expires with TTL exactly the tables holding rows that expire; users and payments are kept', () => {
    const withTtl = ofType('AWS::DynamoDB::Table')
      .filter(([, t]) => (t.Properties.TimeToLiveSpecification as { Enabled?: boolean } | undefined)?.Enabled)
      .map(([name, t]) => [name, (t.Properties.TimeToLiveSpecification as { AttributeName: string }).AttributeName]);
    // Idempotency records (24 h), declarations, scans and visits (28 days), grocery household
    // limit counters, fixed utility repair requests, rate-limit counters, closed consultations, and
    // the audit rows of a deregistered person (注销 gives them an expiry; other audit rows have none).
    expect(Object.fromEntries(withTtl)).toEqual({
      AuditTable: 'expiresAt',
      IdempotencyTable: 'expiresAt',
      LimitsTable: 'expiresAt',
      HealthTable: 'expiresAt',
      HealthScansTable: 'expiresAt',
      GroceryTable: 'expiresAt',
      UtilityTable: 'expiresAt',
      ServiceTable: 'expiresAt',
    });
  });

  it('sets log retention on every function’s log group and the API’s', () => {
    const retention = new Map(
      ofType('AWS::Logs::LogGroup').map(([, g]) => [String(g.Properties.LogGroupName), g.Properties.RetentionInDays]),
    );
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const group = `/aws/lambda/${String(fn.Properties.FunctionName)}`;
      expect({ group, days: retention.get(group) }).toEqual({ group, days: 30 });
    }
    for (const days of retention.values()) expect(days).toBe(30);
  });

  it('runs the payments schedule and alarms on the first payment that needs a person', () => {
    const rules = ofType('AWS::Events::Rule').map(([, r]) => r.Properties);
    const sweep = rules.find((r) => JSON.stringify(r.Targets).includes('PaymentsSweepLambdaFunction'));
    expect(sweep).toMatchObject({ ScheduleExpression: 'rate(5 minutes)', State: 'ENABLED' });
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    for (const metric of ['PaymentRefundProblems', 'PaymentsPaidAfterClose']) {
      expect(alarms.find((a) => a.MetricName === metric)).toMatchObject({
        Namespace: 'CityCare',
        Dimensions: [{ Name: 'Stage', Value: 'prod' }],
        Threshold: 1,
        AlarmActions: [{ Ref: 'OpsTopic' }],
      });
    }
  });

  it('contains no secret value and no local key', () => {
    expect(templateText).not.toMatch(/PRIVATE KEY|session_key|AKIA[0-9A-Z]{16}/);
    for (const variable of ['SECRETS_SOURCE', 'SECRETS_PATH']) expect(templateText).toContain(variable);
    expect(templateText).not.toMatch(/"(SESSION_SECRET|WECHAT_APP_SECRET|HEALTH_CODE_KEYS)"/);
  });
});
