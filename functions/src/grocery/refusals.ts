import type { ErrorCode } from '@citycare/contract';
import { AppError } from '../lib/errors';

/**
 * Pure: what a refusal says. A rule that refuses returns a `Refused` (its code and message);
 * `refuse` throws it as the error the caller gets. A cancelled transaction is explained from
 * its tagged items: each item is tagged when it is built, and DynamoDB's cancellation reasons
 * come back in the same order.
 */

/** A rule's refusal: the error code the caller gets and what it says. */
export interface Refused {
  code: ErrorCode;
  message: string;
}

/** Throws a rule's refusal as the caller's error; nothing when the rule allowed it. */
export function refuse(refusal: Refused): never;
export function refuse(refusal: Refused | null): void;
export function refuse(refusal: Refused | null): void {
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

/** The value a rule computed, or its refusal thrown. */
export function allowed<T extends object>(result: T | Refused): T {
  if ('code' in result && 'message' in result) throw new AppError(result.code, result.message);
  return result as T;
}

export type Tag =
  | { kind: 'stock'; name: string; unit: string; priceFen: number }
  | { kind: 'limit'; per: 'household' | 'user'; name: string; unit: string; dailyLimit: number; qty: number }
  | { kind: 'slot'; priority: boolean }
  | { kind: 'group' }
  | { kind: 'order' }
  | { kind: 'payment' }
  | { kind: 'idempotency' };

export interface Reason {
  code: string;
  /** The item as it was when its condition failed (ReturnValuesOnConditionCheckFailure). */
  old?: Record<string, unknown>;
}

export type Refusal = Refused | { replay: true };

const RETRYABLE = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

export const TRY_AGAIN_MESSAGE = '现在下单的人较多，这次没有提交成功，也没有扣款，请稍后再试';

export function explainCancellation(reasons: Reason[], tags: Tag[], now: Date): Refusal {
  if (reasons.some((r) => RETRYABLE.has(r.code))) return { code: 'TRY_AGAIN', message: TRY_AGAIN_MESSAGE };
  const idem = tags.findIndex((t) => t.kind === 'idempotency');
  if (idem >= 0 && reasons[idem]?.code === 'ConditionalCheckFailed') return { replay: true };
  for (let i = 0; i < tags.length; i++) {
    if (reasons[i]?.code !== 'ConditionalCheckFailed') continue;
    const tag = tags[i] as Tag;
    const old = reasons[i]?.old;
    switch (tag.kind) {
      case 'stock': {
        if (!old) return { code: 'NOT_FOUND', message: `${tag.name} 已下架，请从购物车中移除` };
        if (old.priceFen !== tag.priceFen) {
          return { code: 'CONFLICT', message: `${tag.name} 的价格刚刚调整了，请刷新后再下单` };
        }
        const left = typeof old.stock === 'number' ? Math.max(0, old.stock) : 0;
        return {
          code: 'CONFLICT',
          message: left > 0 ? `${tag.name} 库存不足，只剩 ${left}${tag.unit}` : `${tag.name} 已经卖完了`,
        };
      }
      case 'limit': {
        const bought = typeof old?.n === 'number' ? old.n : 0;
        const who = tag.per === 'user' ? '每人每天也只能买这么多，您今天已买' : '您家今天已买';
        return {
          code: 'UNPROCESSABLE',
          message: `${tag.name} 每户每天限购 ${tag.dailyLimit}${tag.unit}，${who} ${bought}${tag.unit}`,
        };
      }
      case 'slot': {
        if (!old) return { code: 'NOT_FOUND', message: '没有这个配送时段' };
        if (typeof old.cutoffAt === 'string' && Date.parse(old.cutoffAt) <= now.getTime()) {
          return { code: 'UNPROCESSABLE', message: '这个时段已过截单时间，请选择其他时段' };
        }
        return { code: 'CONFLICT', message: '这个配送时段已经约满了，请选择其他时段' };
      }
      case 'group':
        return { code: 'UNPROCESSABLE', message: '这个团购已经截单，不能再加入' };
      case 'order':
      case 'payment':
        return { code: 'TRY_AGAIN', message: TRY_AGAIN_MESSAGE };
      case 'idempotency':
        return { replay: true };
    }
  }
  return { code: 'TRY_AGAIN', message: TRY_AGAIN_MESSAGE };
}
