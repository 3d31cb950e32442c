import { cancellationReasons, transact } from '../../lib/dynamo';
import { AppError, conflict } from '../../lib/errors';
import type { PlanItem } from '../items';
import { accountKey, planKey } from '../keys';
import { utilityTable } from '../table';

/** Storage of installment plans: one per account, for exactly the arrears that were read. */

/** Records a plan for exactly the arrears that were read; a concurrent change refuses it. */
export async function putPlan(userId: string, plan: Omit<PlanItem, 'pk' | 'sk'>): Promise<void> {
  try {
    await transact([
      {
        Put: {
          TableName: utilityTable(),
          Item: { ...planKey(plan.accountNo), ...plan },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        ConditionCheck: {
          TableName: utilityTable(),
          Key: accountKey(plan.accountNo),
          ConditionExpression: 'household = :me AND arrearsFen = :total',
          ExpressionAttributeValues: { ':me': userId, ':total': plan.totalFen },
        },
      },
    ]);
  } catch (err) {
    const reasons = cancellationReasons(err)?.map((r) => r.code);
    if (reasons?.[0] === 'ConditionalCheckFailed') throw conflict('该户号已经办理了分期');
    if (reasons) throw new AppError('TRY_AGAIN', '欠费金额刚刚有变化，请刷新后重试');
    throw err;
  }
}
