/**
 * `npm run bench`: sizes and speeds, printed as tables with the figure each is measured against.
 * Nothing here asserts a timing; tests may assert sizes.
 */
import { benchFunctions } from './functions';
import { benchWeapp } from './weapp';
import { benchDatabase } from './harness';
import { benchAuthRequests } from './auth';
import { benchGroceryRequests } from './grocery';
import { benchUtilityRequests } from './utility';
import { benchPaymentRequests } from './payments';
import { benchHealthRequests, benchHealthVerify } from './health';
import { benchFaults } from './faults';
import { benchOpen } from './open';
import { benchLoad } from './load';

// The pinned AWS SDK warns that its later versions need Node 22; Lambda runs Node 22 already.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

async function main(): Promise<void> {
  console.log(`CityCare bench — node ${process.version}, ${new Date().toISOString()}`);
  await benchFunctions();
  await benchWeapp();
  await benchHealthVerify();
  const database = await benchDatabase();
  try {
    await benchAuthRequests();
    await benchGroceryRequests();
    await benchUtilityRequests();
    await benchPaymentRequests();
    await benchHealthRequests();
    await benchLoad();
    await benchOpen();
    await benchFaults(database.proxy);
  } finally {
    await database.stop();
  }
}

main().catch((err: unknown) => {
  console.error('npm run bench failed:', err);
  process.exit(1);
});
