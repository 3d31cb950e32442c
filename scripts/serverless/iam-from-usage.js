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
  if (permissions.actions.length) {
    const resource = permissions.tables.flatMap((logical) => {
      const table = resources[logical];
      if (!table) throw new Error(`functions/iam.json: ${name} uses ${logical}, which is not a resource`);
      const arn = { 'Fn::GetAtt': [logical, 'Arn'] };
      const hasIndexes = (table.Properties.GlobalSecondaryIndexes ?? []).length > 0;
      return permissions.indexes && hasIndexes ? [arn, { 'Fn::Join': ['/', [arn, 'index', '*']] }] : [arn];
    });
    statements.push({ Effect: 'Allow', Action: permissions.actions, Resource: resource });
  }
  if (permissions.ssm) {
    statements.push({
      Effect: 'Allow',
      Action: ['ssm:GetParameter'],
      Resource: {
        'Fn::Sub': `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${service}/${stage}/*`,
      },
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
      fn.iamRoleStatementsInherit = false;
    }
  }
}

module.exports = IamFromUsage;
