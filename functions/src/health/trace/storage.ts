import { batchGetAll } from '../../lib/dynamo';
import { codePointerKey } from '../keys';
import { healthTable } from '../table';

/** What tracing reads beside the records: the residents behind QR subjects (its audit row: audit/storage.ts). */

/** The residents behind QR subjects (officials' tracing links rows to residents). */
export async function residentsOfCodes(codeIds: string[]): Promise<Map<string, string>> {
  const T = healthTable();
  const out = await batchGetAll({ [T]: [...new Set(codeIds)].map(codePointerKey) });
  return new Map((out[T] ?? []).map((item) => [String(item.pk).slice('CODE#'.length), String(item.residentId)]));
}
