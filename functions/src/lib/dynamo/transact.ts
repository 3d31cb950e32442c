import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../errors';
import { db } from './client';

/** One item of a TransactWriteItems request. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit on items in one transaction. */
export const TRANSACT_MAX = 100;

/** A transaction item with what it stands for, so a cancellation can be explained. */
export interface Tagged<Tag> {
  item: TransactItem;
  tag: Tag;
}

/** Why one item of a cancelled transaction failed, and the item as it was (when asked for). */
export interface Reason<Tag = unknown> {
  code: string;
  old?: Record<string, unknown>;
  tag?: Tag;
}

type AttributeValue = { S?: string; N?: string; BOOL?: boolean; NULL?: boolean };

/** The plain values (strings, numbers, booleans) of a raw DynamoDB item, as cancellation reasons carry it. */
export function plainItem(raw: Record<string, AttributeValue> | undefined): Record<string, unknown> | undefined {
  if (!raw) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v.S !== undefined) out[k] = v.S;
    else if (v.N !== undefined) out[k] = Number(v.N);
    else if (v.BOOL !== undefined) out[k] = v.BOOL;
  }
  return out;
}

/** A cancelled transaction: one reason per item, in the order the items were sent. */
export class TransactionCancelled<Tag = unknown> extends Error {
  constructor(readonly reasons: Reason<Tag>[]) {
    super(`transaction cancelled: ${reasons.map((r) => r.code).join(',')}`);
    this.name = 'TransactionCancelled';
  }
  /** True when some item's condition did not hold (rather than a conflict or throttle). */
  get conditionFailed(): boolean {
    return this.reasons.some((r) => r.code === 'ConditionalCheckFailed');
  }
}

/** The decoded reasons of a TransactionCanceledException, or undefined for any other error. */
export function cancellationReasons<Tag>(err: unknown, tags: Tag[] = []): Reason<Tag>[] | undefined {
  if (err instanceof TransactionCancelled) return err.reasons as Reason<Tag>[];
  const e = err as { name?: string; CancellationReasons?: { Code?: string; Item?: Record<string, AttributeValue> }[] };
  if (e?.name !== 'TransactionCanceledException') return undefined;
  return (e.CancellationReasons ?? []).map((r, i) => ({
    code: r.Code ?? 'None',
    old: plainItem(r.Item),
    tag: tags[i],
  }));
}

/** Commits every item or none; false when a condition did not hold (the state moved on meanwhile). */
export async function transactIfUnchanged(items: TransactItem[]): Promise<boolean> {
  try {
    await transact(items);
    return true;
  } catch (err) {
    if (err instanceof TransactionCancelled && err.conditionFailed) return false;
    throw err;
  }
}

/**
 * Commits every item or none. Items may be plain or tagged; a cancellation is thrown as
 * TransactionCancelled with each item's reason, old values and tag, for the domain to explain.
 */
export async function transact<Tag = never>(items: (TransactItem | Tagged<Tag>)[]): Promise<void> {
  if (items.length > TRANSACT_MAX) throw new AppError('BAD_REQUEST', '一次提交的内容太多，请分成几次');
  const tagged = items.map((i) => ('item' in i && 'tag' in i ? i : { item: i as TransactItem, tag: undefined }));
  try {
    await db().send(new TransactWriteCommand({ TransactItems: tagged.map((t) => t.item) }));
  } catch (err) {
    const reasons = cancellationReasons(
      err,
      tagged.map((t) => t.tag as Tag),
    );
    if (reasons) throw new TransactionCancelled<Tag>(reasons);
    throw err;
  }
}
