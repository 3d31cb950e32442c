'use strict';
// A local Serverless plugin for what ops need from a deployed stage, from config/<stage>.yml:
// - the ops SNS topic, its e-mail subscriber, and CloudWatch alarms notifying it: each function's
//   errors and throttles, the HTTP API's 5xx rate and p99 latency, each table's throttling;
// - no unused default Lambda role (every function has its own, from iam-from-usage.js), and
//   each role writing only its own function's log streams.
// Stages without `alarms:` (the local one) get no topic and no alarms.

const PERIOD = 300;

const dims = (entries) => Object.entries(entries).map(([Name, Value]) => ({ Name, Value }));

function alarm(topic, props) {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      ActionsEnabled: true,
      AlarmActions: [{ Ref: topic }],
      OKActions: [{ Ref: topic }],
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      ...props,
    },
  };
}

const stat = (id, namespace, metric, dimensions, statistic = 'Sum') => ({
  Id: id,
  ReturnData: false,
  MetricStat: {
    Metric: { Namespace: namespace, MetricName: metric, Dimensions: dims(dimensions) },
    Period: PERIOD,
    Stat: statistic,
  },
});

function functionAlarms(topic, logicalId, name, settings) {
  const fn = { FunctionName: { Ref: logicalId } };
  return {
    [`${logicalId}ErrorsAlarm`]: alarm(topic, {
      AlarmName: `${name}-errors`,
      AlarmDescription: `${name}: ${settings.functionErrors} or more errors (uncaught failures) in 5 minutes`,
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: dims(fn),
      Statistic: 'Sum',
      Period: PERIOD,
      Threshold: settings.functionErrors,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    }),
    [`${logicalId}ThrottlesAlarm`]: alarm(topic, {
      AlarmName: `${name}-throttles`,
      AlarmDescription: `${name}: invocations throttled (concurrency limit reached) in 5 minutes`,
      Namespace: 'AWS/Lambda',
      MetricName: 'Throttles',
      Dimensions: dims(fn),
      Statistic: 'Sum',
      Period: PERIOD,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    }),
  };
}

function apiAlarms(topic, apiId, prefix, settings) {
  const api = { ApiId: { Ref: apiId } };
  return {
    HttpApiServerErrorRateAlarm: alarm(topic, {
      AlarmName: `${prefix}-api-5xx-rate`,
      AlarmDescription: `More than ${settings.serverErrorRate * 100}% of API answers were 5xx in 5 minutes`,
      Metrics: [
        stat('errors', 'AWS/ApiGateway', '5xx', api),
        stat('requests', 'AWS/ApiGateway', 'Count', api),
        { Id: 'rate', Expression: 'IF(requests > 0, errors / requests, 0)', Label: '5xx share', ReturnData: true },
      ],
      Threshold: settings.serverErrorRate,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
    HttpApiLatencyAlarm: alarm(topic, {
      AlarmName: `${prefix}-api-latency-p99`,
      AlarmDescription: `API p99 latency above ${settings.latencyP99Ms} ms over 5 minutes`,
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      Dimensions: dims(api),
      ExtendedStatistic: 'p99',
      Period: PERIOD,
      Threshold: settings.latencyP99Ms,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  };
}

function tableAlarm(topic, logicalId, table, prefix) {
  const metrics = [];
  const add = (extra) => {
    for (const metric of ['ReadThrottleEvents', 'WriteThrottleEvents']) {
      metrics.push(stat(`m${metrics.length}`, 'AWS/DynamoDB', metric, { TableName: { Ref: logicalId }, ...extra }));
    }
  };
  add({});
  for (const index of table.Properties.GlobalSecondaryIndexes ?? []) add({ GlobalSecondaryIndexName: index.IndexName });
  const expression = metrics.map((m) => m.Id).join(' + ');
  return alarm(topic, {
    AlarmName: `${prefix}-${logicalId}-throttled`,
    AlarmDescription: `${logicalId}: DynamoDB throttled reads or writes (table or index) in 5 minutes`,
    Metrics: [...metrics, { Id: 'throttled', Expression: expression, Label: 'throttle events', ReturnData: true }],
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  });
}

/** A dead-letter queue holding anything at all: work given up after its retries needs a person. */
function deadLetterAlarm(topic, logicalId, prefix) {
  return alarm(topic, {
    AlarmName: `${prefix}-${logicalId}-not-empty`,
    AlarmDescription: `${logicalId}: messages given up after their retries are waiting (docs/operations.md)`,
    Namespace: 'AWS/SQS',
    MetricName: 'ApproximateNumberOfMessagesVisible',
    Dimensions: dims({ QueueName: { 'Fn::GetAtt': [logicalId, 'QueueName'] } }),
    Statistic: 'Maximum',
    Period: PERIOD,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  });
}

/**
 * Business events that need a person whenever one happens (config `alarms.businessMetrics`): the
 * functions count them as EMF metrics in the CityCare namespace (functions/src/lib/metrics.ts).
 */
function businessAlarms(topic, prefix, stage, names) {
  return Object.fromEntries(
    (names ?? []).map((name) => [
      `Business${name}Alarm`,
      alarm(topic, {
        AlarmName: `${prefix}-${name}`,
        AlarmDescription: `${name}: at least one in 5 minutes (docs/operations.md says what to do)`,
        Namespace: 'CityCare',
        MetricName: name,
        Dimensions: dims({ Stage: stage }),
        Statistic: 'Sum',
        Period: PERIOD,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    ]),
  );
}

class Operations {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:finalize': () => this.apply() };
  }

  apply() {
    const sls = this.serverless;
    const provider = sls.getProvider('aws');
    const template = sls.service.provider.compiledCloudFormationTemplate;
    const resources = template.Resources;
    this.dropUnusedDefaultRole(resources);
    this.narrowLogStatements(resources);
    const settings = sls.service.custom.stage.alarms;
    if (!settings) return;
    const prefix = `${sls.service.service}-${provider.getStage()}`;
    const topic = 'OpsTopic';
    resources[topic] = {
      Type: 'AWS::SNS::Topic',
      Properties: {
        TopicName: `${prefix}-ops`,
        DisplayName: 'CityCare ops',
        Subscription: [{ Protocol: 'email', Endpoint: settings.email }],
      },
    };
    for (const name of sls.service.getAllFunctions()) {
      const logicalId = provider.naming.getLambdaLogicalId(name);
      Object.assign(resources, functionAlarms(topic, logicalId, sls.service.getFunction(name).name, settings));
    }
    Object.assign(
      resources,
      businessAlarms(topic, prefix, sls.service.custom.stage.metrics?.stage, settings.businessMetrics),
    );
    const apiId = provider.naming.getHttpApiLogicalId();
    if (resources[apiId]) Object.assign(resources, apiAlarms(topic, apiId, prefix, settings));
    // The tables are serverless.yml's own resources, merged into the template after this hook.
    for (const [logicalId, table] of Object.entries(sls.service.resources?.Resources ?? {})) {
      if (table.Type === 'AWS::DynamoDB::Table') {
        resources[`${logicalId}ThrottleAlarm`] = tableAlarm(topic, logicalId, table, prefix);
      }
      if (table.Type === 'AWS::SQS::Queue' && logicalId.endsWith('DeadLetterQueue')) {
        resources[`${logicalId}DepthAlarm`] = deadLetterAlarm(topic, logicalId, prefix);
      }
    }
    template.Outputs.OpsTopicArn = { Description: 'Where alarms are sent', Value: { Ref: topic } };
  }

  /**
   * Each role may write only its own function's log streams: CloudFormation creates the log
   * group, so no logs:CreateLogGroup; the stream names Lambda makes up at run time are the one
   * wildcard left (`log-group:<group>:log-stream:*`).
   */
  narrowLogStatements(resources) {
    for (const role of Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Role')) {
      for (const policy of role.Properties.Policies ?? []) {
        for (const statement of policy.PolicyDocument.Statement) {
          if (!statement.Action.includes('logs:PutLogEvents')) continue;
          statement.Action = ['logs:CreateLogStream', 'logs:PutLogEvents'];
          statement.Resource = statement.Resource.map((r) => ({
            'Fn::Sub': r['Fn::Sub'].replace(/:\*:\*$/, ':log-stream:*'),
          }));
        }
      }
    }
  }

  /** Serverless makes a shared role before the per-function roles exist; once none uses it, it goes. */
  dropUnusedDefaultRole(resources) {
    const id = 'IamRoleLambdaExecution';
    if (!resources[id]) return;
    const others = Object.entries(resources).filter(([key]) => key !== id);
    if (JSON.stringify(others).includes(`"${id}"`)) return;
    delete resources[id];
  }
}

module.exports = Operations;
