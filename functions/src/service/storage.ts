import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, db, retryOnConflict, transact, type TransactItem } from '../lib/dynamo';
import { AppError } from '../lib/errors';
import type { ConsultationItem } from './items';
import { consultationAuditSubject, consultationKey } from './keys';
import type { Step } from './rules';
import { serviceTable } from './table';

/**
 * Reads and writes every use case shares: a consultation read consistently, and a change to it
 * decided by a pure rule and written on condition that nobody changed it since (optimistic
 * concurrency: a lost race reads again and decides again).
 */

export async function getConsultation(consultationId: string): Promise<ConsultationItem | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: serviceTable(), Key: consultationKey(consultationId), ConsistentRead: true }),
  );
  return out.Item as ConsultationItem | undefined;
}

/** The Put of the next version, only over the version that was read. */
function putNext(next: ConsultationItem): TransactItem {
  return {
    Put: {
      TableName: serviceTable(),
      Item: next,
      ConditionExpression: 'version = :seen',
      ExpressionAttributeValues: { ':seen': next.version - 1 },
    },
  };
}

/** What a member of staff did, for the audit trail (written with the change). */
export interface StaffAct {
  staffId: string;
  action: string;
  fields?: Record<string, unknown>;
}

const TRY_AGAIN = '咨询刚刚有了变化，请刷新后再试';

/**
 * Reads the consultation, lets `decide` (a pure rule) refuse or make the next version, writes
 * it over the version read (with the staff act's audit row, if any); a lost race decides again.
 */
export function change(
  consultationId: string,
  now: Date,
  decide: (item: ConsultationItem | undefined) => Step,
  act?: StaffAct,
): Promise<ConsultationItem> {
  return retryOnConflict(
    async () => {
      const step = decide(await getConsultation(consultationId));
      if ('refusal' in step) throw new AppError(step.refusal.code, step.refusal.message);
      const items = [putNext(step.next)];
      if (act) {
        items.push(
          auditPut(consultationAuditSubject(consultationId), now, act.staffId, {
            action: act.action,
            category: step.next.category,
            ...act.fields,
          }),
        );
      }
      await transact(items);
      return step.next;
    },
    { message: TRY_AGAIN },
  );
}
