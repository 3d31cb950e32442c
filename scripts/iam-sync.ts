/**
 * `npm run iam:sync`: recomputes each function's permissions from its bundled code and writes
 * functions/iam.json. The test suite fails when the committed file and the code disagree, so
 * a permission change is always a reviewed diff.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computePermissions } from './lib/iam';
import { ROOT } from './lib/paths';

async function main(): Promise<void> {
  const permissions = await computePermissions();
  writeFileSync(join(ROOT, 'functions', 'iam.json'), JSON.stringify(permissions, null, 2) + '\n');
  console.log(`functions/iam.json: ${Object.keys(permissions).length} functions.`);
}

main().catch((err: unknown) => {
  console.error(`npm run iam:sync: ${(err as Error).message}`);
  process.exit(1);
});
