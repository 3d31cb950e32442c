import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

/** Milliseconds to load a bundle in a fresh Node process (median of INIT_RUNS). */
function initTime(file: string): number {
  const samples: number[] = [];
  const probe = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  for (let i = 0; i < INIT_RUNS; i++) {
    const out = spawnSync(process.execPath, ['-e', probe], {
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    samples.push(Number(out.stdout));
  }
  return median(samples);
}

/** Bundles one entry the way serverless-esbuild does for deployment (bundle, minify, node20, cjs). */
async function bundle(entry: string, outfile: string): Promise<number> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    ...BUNDLE_OPTIONS,
  });
  return statSync(outfile).size;
}

/**
 * For every function: the deployment zip from `serverless package --stage prod`, the bundle,
 * and its module init time next to an empty handler bundled the same way.
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
  const emptyEntry = join(work, 'empty.ts');
  writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200, body: "" });\n');
  const emptyFile = join(work, 'empty.js');
  await bundle(emptyEntry, emptyFile);
  const emptyInit = initTime(emptyFile);

  const rows: (string | number)[][] = [];
  const byEntry = new Map<string, { bytes: number; init: number }>();
  for (const [name, def] of Object.entries(functions)) {
    const entry = join(ROOT, def.handler.replace(/\.[^.]+$/, '.ts'));
    if (!byEntry.has(entry)) {
      const out = join(work, `${name}.js`);
      const bytes = await bundle(entry, out);
      byEntry.set(entry, { bytes, init: initTime(out) });
    }
    const { bytes, init } = byEntry.get(entry) ?? { bytes: 0, init: 0 };
    rows.push([
      name,
      kb(zips.get(name) ?? 0),
      kb(bytes),
      `${init.toFixed(1)} ms`,
      `${emptyInit.toFixed(1)} ms`,
      ratio(init, emptyInit),
    ]);
  }
  printTable(
    `Functions (serverless package --stage prod; init = median of ${INIT_RUNS} cold requires in a fresh node)`,
    ['function', 'zip', 'bundle', 'init', 'empty init', 'init ratio'],
    rows,
  );
}
