import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from '../lib/function-usage';
import { packagingEnv } from '../lib/packaging';
import { BIN, ROOT } from '../lib/paths';
import { kb, median, printTable, ratio } from './table';

interface FunctionDef {
  handler: string;
}

const INIT_RUNS = 15;
/** Every function's init is held to this multiple of the floor's. */
export const INIT_BUDGET_RATIO = 1.2;

/**
 * The floor: a handler that loads what every function needs and nothing else — the DynamoDB
 * document client and jsonwebtoken — bundled like the functions.
 */
const FLOOR_HANDLER = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import jwt from 'jsonwebtoken';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event: { token: string }) => {
  const claims = jwt.verify(event.token, 'secret') as { sub: string };
  return db.send(new GetCommand({ TableName: 'users', Key: { pk: claims.sub } }));
};
`;

/** Milliseconds to load a bundle in a fresh Node process. */
function initOnce(file: string): number {
  const probe = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const out = spawnSync(process.execPath, ['-e', probe], {
    encoding: 'utf8',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return Number(out.stdout);
}

/**
 * Median init of each bundle over INIT_RUNS rounds. The bundles take turns within a round, so a
 * busy machine slows the floor and the functions alike and the ratios stay fair.
 */
function initTimes(files: string[]): number[] {
  const samples = files.map(() => [] as number[]);
  for (let round = 0; round < INIT_RUNS; round++) files.forEach((f, i) => samples[i]!.push(initOnce(f)));
  return samples.map(median);
}

/** Bundles one entry the way serverless-esbuild does for deployment (bundle, minify, node20, cjs). */
async function bundle(entry: string | { stdin: string }, outfile: string): Promise<number> {
  await build({
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.stdin, resolveDir: join(ROOT, 'functions'), loader: 'ts' as const } }),
    outfile,
    bundle: true,
    minify: true,
    ...BUNDLE_OPTIONS,
  });
  return statSync(outfile).size;
}

/**
 * For every function: the deployment zip from `serverless package --stage prod`, the bundle,
 * and its module init time next to the floor handler's, bundled the same way.
 */
export async function benchFunctions(): Promise<void> {
  const pkgDir = mkdtempSync(join(tmpdir(), 'citycare-package-'));
  execFileSync(join(BIN, 'serverless'), ['package', '--stage', 'prod', '--package', pkgDir], {
    cwd: ROOT,
    env: packagingEnv(),
    stdio: 'pipe',
  });
  const printed = execFileSync(
    join(BIN, 'serverless'),
    ['print', '--stage', 'prod', '--format', 'json', '--path', 'functions'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  const functions = JSON.parse(printed) as Record<string, FunctionDef>;
  const zips = new Map(
    readdirSync(pkgDir)
      .filter((f) => f.endsWith('.zip'))
      .map((f) => [f.replace(/\.zip$/, ''), statSync(join(pkgDir, f)).size]),
  );

  const work = mkdtempSync(join(tmpdir(), 'citycare-bench-'));
  const floorFile = join(work, 'floor.js');
  await bundle({ stdin: FLOOR_HANDLER }, floorFile);

  const bundles = new Map<string, { file: string; bytes: number }>();
  for (const [name, def] of Object.entries(functions)) {
    const entry = join(ROOT, def.handler.replace(/\.[^.]+$/, '.ts'));
    if (bundles.has(entry)) continue;
    const file = join(work, `${name}.js`);
    bundles.set(entry, { file, bytes: await bundle(entry, file) });
  }
  const entries = [...bundles.keys()];
  const [floorInit = 0, ...inits] = initTimes([floorFile, ...entries.map((e) => bundles.get(e)!.file)]);
  const initOf = new Map(entries.map((e, i) => [e, inits[i] ?? 0]));

  const rows: (string | number)[][] = [];
  for (const [name, def] of Object.entries(functions)) {
    const entry = join(ROOT, def.handler.replace(/\.[^.]+$/, '.ts'));
    const init = initOf.get(entry) ?? 0;
    rows.push([
      name,
      kb(zips.get(name) ?? 0),
      kb(bundles.get(entry)?.bytes ?? 0),
      `${init.toFixed(1)} ms`,
      ratio(init, floorInit),
      init <= floorInit * INIT_BUDGET_RATIO ? 'within' : 'OVER',
    ]);
  }
  printTable(
    `Functions (serverless package --stage prod; init = median of ${INIT_RUNS} cold requires in a fresh node; ` +
      `floor = DynamoDB document client + jsonwebtoken, ${floorInit.toFixed(1)} ms; budget ${INIT_BUDGET_RATIO.toFixed(1)}× the floor)`,
    ['function', 'zip', 'bundle', 'init', 'vs floor', 'budget'],
    rows,
  );
}
