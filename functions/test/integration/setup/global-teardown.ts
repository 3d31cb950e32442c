import type { DynamoLocal } from '../../../../scripts/lib/dynamo-local';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as {
    __dynamo__?: DynamoLocal;
    __wechatPaySim__?: { close(): Promise<void> };
    __notify__?: { close(): Promise<void> };
  };
  await state.__wechatPaySim__?.close();
  await state.__notify__?.close();
  await state.__dynamo__?.stop();
}
