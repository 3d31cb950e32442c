import type { DynamoLocal } from '../../../../scripts/lib/dynamo-local';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __dynamo__?: DynamoLocal }).__dynamo__?.stop();
}
