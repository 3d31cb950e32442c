import { maskName, yuan } from '@citycare/contract';
import { conflict } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { fingerprint, idempotencyKey } from '../../lib/idempotency';
import { paymentIdFor } from '../../payments';
import { requireCommunity } from '../access';
import { reliefConfig } from '../config';
import { cashierFor, placePayment, sameRequest } from '../payments/place';
import { holdersOf, totalOf } from '../payments/rules';
import { getRecord } from '../payments/storage';
import { clock, paymentsClock } from '../wiring';
import { bulkLine, bulkPaymentView, householdsDue } from './rules';
import { accountsInArrears, readHouseholds } from './storage';

/**
 * Community workers (and property managers) pay for households of their community that cannot
 * pay online: the chosen households' unpaid bills in one WeChat Pay order, settled together by
 * its verified notification.
 */

/** GET /utility/community/{community}/arrears (communityArrears): accounts of the community with arrears. */
export const communityArrears = endpoint('communityArrears', { roles: ['worker'] }, async ({ params, caller }) => {
  const community = requireCommunity(caller.roles, params.community);
  return {
    accounts: (await accountsInArrears(community)).map((a) => ({
      accountNo: a.accountNo,
      companyName: a.companyName,
      kind: a.kind,
      holderMasked: maskName(a.holderName),
      address: a.address,
      arrearsFen: a.arrearsFen,
    })),
  };
});

async function due(community: string, accountNos: string[]) {
  return householdsDue(reliefConfig(), community, accountNos, await readHouseholds(accountNos), clock.now());
}

/** POST /utility/community/{community}/quote (bulkQuote): what paying the chosen households costs now. */
export const bulkQuote = endpoint('bulkQuote', { roles: ['worker'] }, async ({ params, body, caller }) => {
  const households = await due(requireCommunity(caller.roles, params.community), body.accountNos);
  return { accounts: households.map(bulkLine), amountFen: totalOf(households.flatMap((h) => h.lines)) };
});

/**
 * POST /utility/community/{community}/pay (bulkPay): one WeChat Pay order for the chosen
 * households, for the amount the worker confirmed (409 if it is no longer what is due).
 * Idempotency-Key required: the order's id comes from it, so a retry places nothing twice.
 */
export const bulkPay = endpoint('bulkPay', { roles: ['worker'] }, async ({ params, body, headers, caller }) => {
  const community = requireCommunity(caller.roles, params.community);
  const key = idempotencyKey(headers, true) as string;
  const request = fingerprint(body);
  const paymentId = paymentIdFor('utility-bulk', caller.userId, community, key);
  let record = await getRecord(paymentId).then((r) => r && sameRequest(r, request));
  if (!record) {
    const households = await due(community, body.accountNos);
    const lines = households.flatMap((h) => h.lines);
    if (totalOf(lines) !== body.amountFen) {
      throw conflict(`应缴金额已变为 ¥${yuan(totalOf(lines))}，请重新核对后再代缴`);
    }
    const draft = { paymentId, payerId: caller.userId, purpose: 'utility-bulk' as const, community, lines, request };
    const bills = households.flatMap((h) => h.bills);
    record = await placePayment(draft, holdersOf(bills, paymentId), paymentsClock.now());
  }
  return { payment: bulkPaymentView(record), clientParams: await cashierFor(record) };
});
