import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../src/lib/dynamo';
import type { Handler } from '../../src/lib/http';
import { demoAccountItems, type DemoAccount } from '../../../scripts/lib/seed-utility';
import { StaffAccount } from '@citycare/contract';
import { call, httpEvent, loginAs, scanAll, unique, type CallOptions } from './helpers';
import { residentHandlers as resident, staffHandlers as staff } from './utility-api';

/** Fixtures of the utility tests: fresh accounts and households per test (the clock: utility-clock.ts). */

export const COMPANIES: Record<string, { name: string; kind: string }> = {
  'ut-water': { name: '营口市自来水公司', kind: 'water' },
  'ut-power': { name: '国网营口供电公司', kind: 'power' },
  'ut-gas': { name: '营口港华燃气公司', kind: 'gas' },
  'ut-heat': { name: '营口热电集团', kind: 'heating' },
};

export { AFTER_WINDOW, BEFORE_WINDOW, IN_WINDOW, setNow } from './utility-clock';

let counter = 0;
export function newAccountNo(): string {
  counter++;
  return `T${Date.now().toString(36).toUpperCase().slice(-7)}${Math.random().toString(36).slice(2, 6).toUpperCase()}${counter}`;
}

export interface AccountSpec {
  company?: string;
  holderName?: string;
  community?: string;
  bills?: DemoAccount['bills'];
}

/** Puts a new account (and its bills) straight into the table; returns its number. */
export async function makeAccount(spec: AccountSpec = {}): Promise<string> {
  const company = spec.company ?? 'ut-water';
  const demo: DemoAccount = {
    accountNo: newAccountNo(),
    company,
    holderName: spec.holderName ?? '王秀兰',
    address: '站前区建设社区 测试楼1单元101',
    community: spec.community ?? 'zq-jianshe',
    balanceFen: 0,
    bills: spec.bills ?? [
      { month: '2020-01', amountFen: 5230, dueDate: '2020-02-15' },
      { month: '2020-02', amountFen: 4975, dueDate: '2020-03-15' },
    ],
  };
  const { account, bills } = demoAccountItems(demo, COMPANIES[company] ?? { name: company, kind: 'water' });
  const doc: DynamoDBDocumentClient = db();
  for (const item of [account, ...bills]) {
    await doc.send(new PutCommand({ TableName: table(), Item: item }));
  }
  return demo.accountNo;
}

export const table = () => process.env.TABLE_UTILITY ?? '';
export const auditTable = () => process.env.TABLE_AUDIT ?? '';

/** A new household (a new resident signing in for the first time). */
export async function newHousehold(): Promise<{ token: string; userId: string }> {
  return loginAs(unique('hh').toLowerCase().slice(0, 32));
}

export { newStaff } from './helpers';

/** A new household with a new account (of `spec`) linked to it through the resident's route. */
export async function linkedAccount(spec: AccountSpec = {}) {
  const [hh, no] = await Promise.all([newHousehold(), makeAccount(spec)]);
  const holderName = spec.holderName ?? '王秀兰';
  const res = await call(resident.linkAccount, { token: hh.token, body: { accountNo: no, holderName } });
  if (res.status !== 201) throw new Error(`link failed: ${JSON.stringify(res.body)}`);
  return { hh, no };
}

/** The options of a staff GET on a company's route (`/utility/staff/{company}/…`). */
export const companyGet = (token: string, company = 'ut-water'): CallOptions => ({
  method: 'GET',
  token,
  params: { company },
});

/** An account as the company's staff see it: supply, protection and the latest disconnection attempts. */
export async function staffView(token: string, accountNo: string, company = 'ut-water') {
  const res = await call(staff.staffAccount, { method: 'GET', token, params: { company, accountNo } });
  return StaffAccount.parse(res.body);
}

/** Calls a handler whose answer may not be JSON (the CSV export). */
export async function callRaw(handler: Handler, options: CallOptions): Promise<APIGatewayProxyStructuredResultV2> {
  return handler(httpEvent(options));
}

/** Every item of a table, all pages (the name the payment tests use). */
export { scanAll as scanPaged } from './helpers';

/** The rows of the utility table with this account in their key. */
export async function rowsOf(accountNo: string): Promise<Record<string, unknown>[]> {
  return (await scanAll(table())).filter((r) => JSON.stringify(r).includes(accountNo));
}

export async function auditRowsOf(accountNo: string): Promise<Record<string, unknown>[]> {
  return (await scanAll(auditTable())).filter((r) => r.accountNo === accountNo);
}
