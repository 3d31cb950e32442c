import { endpoint, Reply } from '../../lib/http';
import { fingerprint, idempotencyKey, storedReply } from '../../lib/idempotency';
import { ownCompany, readable } from '../access';
import { companyView, newCompany, resubmit } from '../rules';
import { change, companiesOf, getCompany, newCompanyId, saveNew } from '../storage';
import { clock } from '../wiring';

/** A company representative's side of 复工复产: register, read, resubmit after a return. */

/**
 * POST /company/companies (companyRegister): registers a company, pending review by its
 * district. The credit code's GB 32100 check character is checked by the contract (400);
 * one registration per code (409). Idempotency-Key required: a retry gets the first answer.
 */
export const register = endpoint('companyRegister', { roles: ['company'] }, async ({ body, headers, caller }) => {
  const key = idempotencyKey(headers, true) as string;
  const scope = { userId: caller.userId, operation: 'company.register', key, fingerprint: fingerprint(body) };
  const earlier = await storedReply(scope);
  if (earlier) return earlier as Reply<{ company: ReturnType<typeof companyView> }>;
  const item = newCompany(newCompanyId(), caller.userId, body, clock.now());
  return saveNew(item, scope, new Reply(201, { company: companyView(item) }));
});

/** GET /company/companies (companyMine): the representative's companies, newest first. */
export const mine = endpoint('companyMine', { roles: ['company'] }, async ({ caller }) => ({
  companies: (await companiesOf(caller.userId)).map(companyView),
}));

/** GET /company/companies/{companyId} (companyGet): its representative, or an official of its district. */
export const get = endpoint('companyGet', { roles: ['company', 'resumption'] }, async ({ params, caller }) => ({
  company: companyView(readable(caller, await getCompany(params.companyId))),
}));

/** POST /company/companies/{companyId}/resubmit (companyResubmit): a returned company, corrected, waits again. */
export const resubmitCompany = endpoint('companyResubmit', { roles: ['company'] }, async ({ params, body, caller }) => {
  ownCompany(caller, await getCompany(params.companyId));
  const now = clock.now();
  const next = await change(params.companyId, now, (item) => resubmit(ownCompany(caller, item), body, now), {
    actorId: caller.userId,
    action: 'company.resubmit',
  });
  return { company: companyView(next) };
});
