/**
 * `npm run bench`: sizes and speeds, printed as tables with the figure each is measured against.
 * Nothing here asserts a timing; tests may assert sizes.
 */
import { benchFunctions } from './functions';
import { benchWeapp } from './weapp';

async function main(): Promise<void> {
  console.log(`CityCare bench — node ${process.version}, ${new Date().toISOString()}`);
  await benchFunctions();
  await benchWeapp();
}

main().catch((err: unknown) => {
  console.error('npm run bench failed:', err);
  process.exit(1);
});
