'use strict';
// A local Serverless plugin: gives every function the IAM statements its code needs, from the
// reviewed functions/iam.json (made by `npm run iam:sync`, checked against the code by the
// tests). serverless-iam-roles-per-function then makes one role per function from them.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

function statementsFor(name, permissions, resources, service, stage) {
  if (!permissions) {
    throw new Error(`functions/iam.json has no entry for ${name}: run npm run iam:sync and review the diff`);
  }
  const statements = [];
  const arn = (logical) => {
    if (!resources[logical]) throw new Error(`functions/iam.json: ${name} uses ${logical}, which is not a resource`);
    return { 'Fn::GetAtt': [logical, 'Arn'] };
  };
  if (permissions.actions.length) {
    const tables = permissions.tables.map(arn);
    const indexes = permissions.indexes.map((entry) => {
      const [logical, index] = entry.split('/');
      return { 'Fn::Join': ['/', [arn(logical), 'index', index]] };
    });
    statements.push({ Effect: 'Allow', Action: permissions.actions, Resource: [...tables, ...indexes] });
  }
  if (permissions.secrets.length) {
    statements.push({
      Effect: 'Allow',
      Action: ['ssm:GetParameter'],
      Resource: permissions.secrets.map((secret) => ({
        'Fn::Sub': `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${service}/${stage}/${secret}`,
      })),
    });
  }
  return statements;
}

class IamFromUsage {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:finalize': () => this.apply() };
  }

  apply() {
    const sls = this.serverless;
    const permissions = JSON.parse(readFileSync(join(sls.config.servicePath, 'functions', 'iam.json'), 'utf8'));
    const resources = sls.service.resources?.Resources ?? {};
    const stage = sls.getProvider('aws').getStage();
    for (const name of sls.service.getAllFunctions()) {
      const fn = sls.service.getFunction(name);
      fn.iamRoleStatements = statementsFor(name, permissions[name], resources, sls.service.service, stage);
      // A stream's on-failure destination (a dead-letter queue): the one SQS action, on that queue only.
      const deadLetters = (fn.events ?? []).flatMap((e) => e.stream?.destinations?.onFailure?.arn ?? []);
      const queues = [...new Map(deadLetters.map((arn) => [JSON.stringify(arn), arn])).values()];
      if (queues.length) fn.iamRoleStatements.push({ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: queues });
      fn.iamRoleStatementsInherit = false;
    }
  }
}

module.exports = IamFromUsage;
