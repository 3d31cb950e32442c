/**
 * `npm run seed -- --stage <stage>`: loads the city's directory (districts, communities, stores,
 * places, utility companies), store catalogues and the starting risk areas from config/ into a
 * deployed stage's tables, with your AWS credentials. Idempotent like the local seed: every write
 * is conditional on the row not existing, so it never overwrites what officials or stores changed.
 * Demo accounts go only to stages with the development login (never prod).
 */
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { cityConfig, stageConfig } from './lib/config';
import { seed } from './lib/seed';
import { serviceDefinition } from './lib/tables';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { stage: { type: 'string' } } });
  const stage = values.stage;
  if (!stage || stage === 'local') {
    throw new Error('usage: npm run seed -- --stage <deployed stage> (npm start seeds the local stack itself)');
  }
  const config = stageConfig(stage);
  const service = await serviceDefinition(stage);
  Object.assign(process.env, service.environment);
  const env = service.environment;
  const result = await seed(
    new DynamoDBClient({ region: config.region }),
    { directory: env.TABLE_DIRECTORY ?? '', users: env.TABLE_USERS ?? '' },
    cityConfig(),
    config.auth.devLogin === true,
  );
  console.log(`Seeded ${stage}: ${result.created} rows added, ${result.existing} already there.`);
}

main().catch((err: unknown) => {
  console.error(`npm run seed: ${(err as Error).message}`);
  process.exit(1);
});
