import { maskName } from '@citycare/contract';
import { endpoint } from '../../lib/http';
import { idempotencyKey } from '../../lib/idempotency';
import { requireCommunity } from '../access';
import { clock } from '../wiring';
import { accountsInArrears, payForAccount, type Outcome } from './storage';

/**
 * Community workers (and property managers) pay for listed households of their community that
 * cannot pay online. Each household is its own transaction; the answer lists every outcome.
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

/** POST /utility/community/{community}/pay (bulkPay): Idempotency-Key required; a retry pays nothing twice. */
export const bulkPay = endpoint('bulkPay', { roles: ['worker'] }, async ({ params, body, headers, caller }) => {
  const community = requireCommunity(caller.roles, params.community);
  const key = idempotencyKey(headers, true) as string;
  const results: Outcome[] = [];
  for (const accountNo of body.accountNos) {
    results.push(await payForAccount(caller.userId, key, community, accountNo, clock.now()));
  }
  return { results };
});
