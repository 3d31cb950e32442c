import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UtilityKind } from '@citycare/contract';
import type { AccountItem, BillItem } from '../../functions/src/utility/items';
import { accountKey, billId, billKey, communityIndex } from '../../functions/src/utility/keys';
import { ROOT } from './paths';
import { putIf } from './seed-put';

/** config/utility.yml: the relief window (read by serverless.yml) and the demo accounts. */
export interface DemoAccount {
  accountNo: string;
  company: string;
  holderName: string;
  address: string;
  community: string;
  balanceFen: number;
  bills: { month: string; amountFen: number; dueDate: string; paid?: boolean }[];
}

export interface UtilityConfigFile {
  relief: { startDate: string; endDate: string; graceDays: number; coveredCompanies: string };
  demoAccounts: DemoAccount[];
}

export function utilityConfigFile(): UtilityConfigFile {
  return parse(readFileSync(join(ROOT, 'config', 'utility.yml'), 'utf8')) as UtilityConfigFile;
}

/** Tables are named `${service}-${stage}-<name>` (serverless.yml): the utility table beside the directory. */
export const utilityTableBeside = (directoryTable: string) => directoryTable.replace(/-directory$/, '-utility');

/** An account item with its bills, arrears (the unpaid bills' sum) kept consistent. */
export function demoAccountItems(
  demo: DemoAccount,
  company: { name: string; kind: string },
): { account: AccountItem; bills: BillItem[] } {
  const bills: BillItem[] = demo.bills.map((b) => ({
    ...billKey(demo.accountNo, b.month),
    billId: billId(demo.accountNo, b.month),
    accountNo: demo.accountNo,
    month: b.month,
    amountFen: b.amountFen,
    dueDate: b.dueDate,
    paid: b.paid === true,
    ...(b.paid ? { paidAt: `${b.dueDate}T02:00:00.000Z`, lateFeePaidFen: 0 } : {}),
  }));
  const account: AccountItem = {
    ...accountKey(demo.accountNo),
    accountNo: demo.accountNo,
    company: demo.company,
    companyName: company.name,
    kind: company.kind as UtilityKind,
    holderName: demo.holderName.replace(/\s+/g, ''),
    address: demo.address,
    community: demo.community,
    balanceFen: demo.balanceFen,
    arrearsFen: bills.filter((b) => !b.paid).reduce((s, b) => s + b.amountFen, 0),
    supply: 'on',
    gsi2pk: communityIndex(demo.community),
    gsi2sk: demo.accountNo,
  };
  return { account, bills };
}

/**
 * Seeds the demo utility accounts and their bills (local stages, with the demo users).
 * Idempotent: conditional puts, so a second run adds nothing and keeps what users changed.
 */
export async function seedUtility(
  doc: DynamoDBDocumentClient,
  directoryTable: string,
  utilities: { id: string; name: string; kind: string }[],
  withDemoData: boolean,
): Promise<{ created: number; existing: number }> {
  let created = 0;
  let existing = 0;
  if (!withDemoData) return { created, existing };
  const table = utilityTableBeside(directoryTable);
  for (const demo of utilityConfigFile().demoAccounts) {
    const company = utilities.find((u) => u.id === demo.company);
    if (!company) throw new Error(`config/utility.yml: unknown company ${demo.company} for ${demo.accountNo}`);
    const { account, bills } = demoAccountItems(demo, company);
    // Bills only with a new account, so an account's arrears always equal its unpaid bills.
    if (!(await putIf(doc, table, account))) {
      existing += 1 + bills.length;
      continue;
    }
    created++;
    for (const bill of bills) {
      if (await putIf(doc, table, bill)) created++;
      else existing++;
    }
  }
  return { created, existing };
}
