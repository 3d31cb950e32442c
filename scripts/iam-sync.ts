/**
 * `npm run iam:sync`: recomputes each function's permissions from its bundled code and writes
 * functions/iam.json. The test suite fails when the committed file and the code disagree, so
 * a permission change is always a reviewed diff.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { computePermissions } from './lib/iam';
import { ROOT } from './lib/paths';

async function main(): Promise<void> {
  const permissions = await computePermissions();
  const file = join(ROOT, 'functions', 'iam.json');
  // Formatted as the lint step expects, so a sync never leaves a formatting diff.
  const text = await format(JSON.stringify(permissions), { ...(await resolveConfig(file)), filepath: file });
  writeFileSync(file, text);
  console.log(`functions/iam.json: ${Object.keys(permissions).length} functions.`);
}

main().catch((err: unknown) => {
  console.error(`npm run iam:sync: ${(err as Error).message}`);
  process.exit(1);
});
