import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { directoryKey } from '../../functions/src/auth/keys';
import { creditKey, gatePlaceId } from '../../functions/src/company/keys';
import { decide, newCompany } from '../../functions/src/company/rules';
import { putIf } from './seed-put';

/** Tables are named `${service}-${stage}-<name>` (serverless.yml): the company table beside the directory. */
export const companyTableBeside = (directoryTable: string) => directoryTable.replace(/-directory$/, '-company');

/** The demo company (local stages): registered by the demo representative, approved, with its gate. */
export const DEMO_COMPANY = {
  companyId: 'co-demo-xinda',
  name: '营口鑫达包装制品有限公司',
  creditCode: '91210800MA0YK8D2XH',
  address: '站前区八田地街道建设路 88 号',
  district: 'zhanqian',
  workforce: 120,
  plan: {
    testing: '每日上下班两次测温，门岗逐人查验健康码',
    disinfection: '车间、食堂每日两次消毒，开窗通风',
    meals: '分三批错峰就餐，一人一桌，盒饭到岗',
  },
};

/** Seeds the demo company once (idempotent), approved by the demo district official. */
export async function seedCompany(
  doc: DynamoDBDocumentClient,
  directoryTable: string,
  ownerId: string,
  reviewerId: string,
  now: Date,
): Promise<{ created: number; existing: number }> {
  const { companyId, ...registration } = DEMO_COMPANY;
  const pending = newCompany(companyId, ownerId, registration, now);
  const step = decide(pending, { decision: 'approve' }, reviewerId, now);
  if (!('next' in step)) throw new Error('demo company: approval refused');
  const table = companyTableBeside(directoryTable);
  const gate = gatePlaceId(companyId);
  const made = [
    await putIf(doc, table, step.next),
    await putIf(doc, table, { ...creditKey(DEMO_COMPANY.creditCode), companyId }),
    await putIf(doc, directoryTable, {
      ...directoryKey('place', gate),
      id: gate,
      name: `${DEMO_COMPANY.name}（企业门岗）`,
      kind: 'company',
      district: DEMO_COMPANY.district,
    }),
  ];
  const created = made.filter(Boolean).length;
  return { created, existing: made.length - created };
}
