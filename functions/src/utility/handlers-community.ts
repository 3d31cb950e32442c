import { maskName, yuan } from '@citycare/contract';
import type { RoleGrant } from '@citycare/contract';
import { hasScope } from '../auth/rules';
import { AppError, forbidden } from '../lib/errors';
import { endpoint } from '../lib/http';
import { idempotencyKey } from '../lib/idempotency';
import { now } from './clock';
import { reliefConfig, utilityTable } from './config';
import type { AccountItem } from './items';
import { communityIndex, INDEX_BY_OWNER } from './keys';
import { queryAll, readAccount } from './store-accounts';
import { bulkPaymentId, createPaymentOnce, getPayment, paymentFor, settlePayment, unpaidBills } from './store-payments';

/**
 * Community workers (and property managers) pay for listed households of their community that
 * cannot pay online. Each household is its own transaction; the answer lists every outcome.
 */

function requireCommunity(roles: RoleGrant[], community: string | undefined): string {
  if (!community || !hasScope(roles, 'worker', community)) throw forbidden('您不是这个社区的工作人员');
  return community;
}

/** GET /utility/community/{community}/arrears: accounts of the community with arrears. */
export const communityArrears = endpoint('communityArrears', { roles: ['worker'] }, async ({ params, caller }) => {
  const community = requireCommunity(caller.roles, params.community);
  const items = (await queryAll({
    TableName: utilityTable(),
    IndexName: INDEX_BY_OWNER,
    KeyConditionExpression: 'gsi2pk = :pk',
    FilterExpression: 'arrearsFen > :zero',
    ExpressionAttributeValues: { ':pk': communityIndex(community), ':zero': 0 },
  })) as unknown as AccountItem[];
  return {
    accounts: items.map((a) => ({
      accountNo: a.accountNo,
      companyName: a.companyName,
      kind: a.kind,
      holderMasked: maskName(a.holderName),
      address: a.address,
      arrearsFen: a.arrearsFen,
    })),
  };
});

type Outcome = {
  accountNo: string;
  outcome: 'paid' | 'nothing-due' | 'not-found' | 'failed';
  amountFen: number;
  message: string;
};

async function payOne(workerId: string, key: string, community: string, accountNo: string): Promise<Outcome> {
  const at = now();
  const paymentId = bulkPaymentId(workerId, key, accountNo);
  const { account, bills } = await readAccount(accountNo);
  if (!account || account.community !== community) {
    return { accountNo, outcome: 'not-found', amountFen: 0, message: '本社区没有这个户号' };
  }
  const paid = (amountFen: number): Outcome => ({
    accountNo,
    outcome: 'paid',
    amountFen,
    message: `已代缴 ${yuan(amountFen)} 元`,
  });
  const due = unpaidBills(bills);
  if (!due.length) {
    const earlier = await getPayment(paymentId);
    if (earlier?.status === 'paid') return paid(earlier.amountFen);
    return { accountNo, outcome: 'nothing-due', amountFen: 0, message: '没有待缴账单' };
  }
  const record = paymentFor(reliefConfig(), workerId, paymentId, account, due, at);
  const created = await createPaymentOnce(record, at);
  const current = created ? record : await getPayment(paymentId);
  if (!current) return { accountNo, outcome: 'failed', amountFen: 0, message: '代缴没有成功，请重试' };
  try {
    const settled = await settlePayment(current, at);
    return paid(settled.amountFen);
  } catch (err) {
    if (err instanceof AppError) return { accountNo, outcome: 'failed', amountFen: 0, message: err.message };
    throw err;
  }
}

/** POST /utility/community/{community}/pay: Idempotency-Key required; a retry pays nothing twice. */
export const bulkPay = endpoint('bulkPay', { roles: ['worker'] }, async ({ params, body, headers, caller }) => {
  const community = requireCommunity(caller.roles, params.community);
  const key = idempotencyKey(headers, true) as string;
  const results: Outcome[] = [];
  for (const accountNo of body.accountNos) results.push(await payOne(caller.userId, key, community, accountNo));
  return { results };
});
