import { build, type BuildOptions, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugins = require('../esbuild-plugins.js') as Plugin[];

/** How serverless-esbuild bundles a function for deployment (node20, cjs, the project's plugins). */
export const BUNDLE_OPTIONS = {
  target: 'node20',
  platform: 'node',
  format: 'cjs',
  mainFields: ['module', 'main'],
  plugins,
  logLevel: 'error',
} satisfies BuildOptions;

/**
 * What a function's code actually uses, read off its production bundle: the DynamoDB commands
 * that survive tree-shaking (from esbuild's metafile) and the table environment variables and
 * secrets its code refers to. IAM is checked against this, so a role can neither lack a
 * permission the code needs nor grant one it does not.
 */
export interface FunctionUsage {
  /** IAM actions on tables, e.g. dynamodb:GetItem. */
  actions: string[];
  /** Environment variable names of the tables it touches, e.g. TABLE_USERS. */
  tableEnv: string[];
  /** Whether it queries a secondary index at all. */
  usesIndex: boolean;
  /** Every string literal in the code, to tell which index names and secret names it names. */
  literals: Set<string>;
  /** Whether it reads secrets from SSM. */
  readsSsm: boolean;
}

/** Document-client commands and the IAM actions each needs. */
const COMMAND_ACTIONS: Record<string, string[]> = {
  Get: ['dynamodb:GetItem'],
  Put: ['dynamodb:PutItem'],
  Update: ['dynamodb:UpdateItem'],
  Delete: ['dynamodb:DeleteItem'],
  Query: ['dynamodb:Query'],
  Scan: ['dynamodb:Scan'],
  BatchGet: ['dynamodb:BatchGetItem'],
  BatchWrite: ['dynamodb:BatchWriteItem'],
  TransactGet: ['dynamodb:GetItem'],
  // A transaction needs the item-level action of each kind of item it carries.
  TransactWrite: [],
};

const TRANSACT_ITEM_ACTIONS: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

export async function functionUsage(handler: string): Promise<FunctionUsage> {
  // A one-line entry that re-exports just this handler, so code only its neighbours in the
  // same file use is tree-shaken away.
  const [file, exported] = [handler.replace(/\.[^.]+$/, ''), handler.split('.').pop() ?? 'handler'];
  const result = await build({
    stdin: { contents: `export { ${exported} } from './${file}';`, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: false,
    write: false,
    metafile: true,
    ...BUNDLE_OPTIONS,
    outfile: 'out.js',
  });
  const code = result.outputFiles[0]?.text ?? '';
  // Only the inputs that kept code in the output: metafile.inputs also lists tree-shaken files.
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
  const actions = new Set<string>();
  for (const input of inputs) {
    const command = /lib-dynamodb\/dist-[a-z]+\/commands\/(\w+)Command\.js$/.exec(input)?.[1];
    for (const action of COMMAND_ACTIONS[command ?? ''] ?? []) actions.add(action);
  }
  if (inputs.some((i) => /lib-dynamodb\/dist-[a-z]+\/commands\/TransactWriteCommand\.js$/.test(i))) {
    // The kinds of transaction items the project's own code in this bundle builds.
    const own = inputs.filter((i) => i.startsWith('functions/src/')).map((i) => readFileSync(join(ROOT, i), 'utf8'));
    for (const [kind, action] of Object.entries(TRANSACT_ITEM_ACTIONS)) {
      if (own.some((src) => new RegExp(`\\b${kind}: \\{`).test(src))) actions.add(action);
    }
  }
  const tableEnv = [...new Set([...code.matchAll(/["'`](TABLE_[A-Z_]+)["'`]/g)].map((m) => m[1] ?? ''))].sort();
  return {
    actions: [...actions].sort(),
    tableEnv,
    usesIndex: /\bIndexName:/.test(code),
    literals: new Set([...code.matchAll(/"([\w.-]{1,64})"/g)].map((m) => m[1] ?? '')),
    readsSsm: inputs.some((i) => i.includes('client-ssm/')),
  };
}
