import { conflict, notFound } from '../../lib/errors';
import type { AccountItem, BillItem, PayLine, PaymentRecord } from '../items';
import { billId, paymentRecordKey } from '../keys';
import { lateFee, type ReliefConfig } from '../rules';

/**
 * What a bill payment pays for (a resident's payment of one account's bills, a community
 * worker's payment of several households'), and which pending payment may hold a bill. Pure.
 */

/** How long a payment can be paid in WeChat's cashier (its time_expire). */
export const PAY_MINUTES = 15;
/** A pending payment is offered again only if it can still be paid for at least this long. */
export const REUSE_MIN_MS = 2 * 60_000;
/** DynamoDB's limit of items in one transaction. */
const TRANSACTION_ITEMS = 100;

/** The bills to pay, each with its late fee at `now`. */
export function linesFor(cfg: ReliefConfig, account: AccountItem, bills: BillItem[], now: Date): PayLine[] {
  return bills.map((b) => ({
    billId: b.billId,
    accountNo: account.accountNo,
    month: b.month,
    amountFen: b.amountFen,
    lateFeeFen: lateFee(cfg, b, now, account.reliefApproved === true).feeFen,
  }));
}

export const totalOf = (lines: PayLine[]) => lines.reduce((s, l) => s + l.amountFen + l.lateFeeFen, 0);
export const principalOf = (lines: PayLine[]) => lines.reduce((s, l) => s + l.amountFen, 0);

/** Settling writes the payment, its record, every bill and every account in one transaction. */
export function fitsOneTransaction(lines: PayLine[]): boolean {
  return 2 + lines.length + new Set(lines.map((l) => l.accountNo)).size <= TRANSACTION_ITEMS;
}

/**
 * The payment's `reference` in the payments table: its bills as `account:month:amount:fee`,
 * comma-separated. The payments hooks settle or release the bills from it alone.
 */
export function referenceOf(lines: PayLine[]): string {
  return lines.map((l) => `${l.accountNo}:${l.month}:${l.amountFen}:${l.lateFeeFen}`).join(',');
}

const LINE = /^([0-9A-Za-z-]{1,40}):(\d{4}-\d{2}):(\d{1,12}):(\d{1,12})$/;

/** The bills of a payment's reference; throws on anything `referenceOf` did not write. */
export function linesOf(reference: string): PayLine[] {
  return reference.split(',').map((part) => {
    const m = LINE.exec(part);
    if (!m) throw new Error(`not a utility payment reference: ${reference.slice(0, 80)}`);
    const [, accountNo = '', month = ''] = m;
    return { billId: billId(accountNo, month), accountNo, month, amountFen: Number(m[3]), lateFeeFen: Number(m[4]) };
  });
}

const sameLines = (a: PayLine[], b: PayLine[]) => referenceOf([...a].sort(byBill)) === referenceOf([...b].sort(byBill));
const byBill = (x: PayLine, y: PayLine) => x.billId.localeCompare(y.billId);

/** The pending payments holding some of these bills (other than `paymentId`). */
export function holdersOf(bills: BillItem[], paymentId: string): string[] {
  return [...new Set(bills.map((b) => b.payingId).filter((id): id is string => !!id && id !== paymentId))];
}

export interface Draft {
  paymentId: string;
  payerId: string;
  purpose: PaymentRecord['purpose'];
  community?: string;
  lines: PayLine[];
  /** A hash of the request (lib/idempotency `fingerprint`). */
  request: string;
}

/**
 * A pending payment already holds some of the chosen bills:
 * - `reuse`: it is the payer's own, for exactly these bills and sums, with time left to pay: pay it;
 * - `replace`: it is the payer's own (other bills or sums), or it has lapsed: close it and start anew;
 * - `wait`: someone else is paying them (a resident and their community worker): not now.
 */
export function holdAction(hold: PaymentRecord, draft: Draft, now: Date): 'reuse' | 'replace' | 'wait' {
  const left = Date.parse(hold.expiresAt) - now.getTime();
  const own = hold.payerId === draft.payerId;
  if (own && hold.purpose === draft.purpose && sameLines(hold.bills, draft.lines) && left > REUSE_MIN_MS) {
    return 'reuse';
  }
  return own || left <= 0 ? 'replace' : 'wait';
}

/** A new pending payment's record. */
export function newRecord(draft: Draft, now: Date): PaymentRecord {
  return {
    ...paymentRecordKey(draft.paymentId),
    paymentId: draft.paymentId,
    payerId: draft.payerId,
    purpose: draft.purpose,
    accountNo: draft.lines[0]?.accountNo ?? '',
    ...(draft.community ? { community: draft.community } : {}),
    bills: draft.lines,
    amountFen: totalOf(draft.lines),
    status: 'pending',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + PAY_MINUTES * 60_000).toISOString(),
    request: draft.request,
  };
}

/** What the payer reads in WeChat's cashier and bill (at most 127 characters). */
export function descriptionOf(record: Pick<PaymentRecord, 'purpose' | 'accountNo' | 'bills'>): string {
  if (record.purpose === 'utility-bill') return `生活缴费 户号${record.accountNo}`;
  return `社区代缴生活缴费 ${new Set(record.bills.map((b) => b.accountNo)).size}户`;
}

/** The unpaid bills, or the chosen ones: 404 for a bill the account does not have, 409 for one already paid. */
export function unpaidBills(bills: BillItem[], billIds?: string[]): BillItem[] {
  const unpaid = bills.filter((b) => !b.paid);
  if (!billIds) return unpaid;
  const chosen = unpaid.filter((b) => billIds.includes(b.billId));
  if (chosen.length !== billIds.length) {
    const known = new Set(bills.map((b) => b.billId));
    if (billIds.some((id) => !known.has(id))) throw notFound('没有找到所选的账单');
    throw conflict('所选账单中有已经缴过的，请刷新后再缴');
  }
  return chosen;
}
