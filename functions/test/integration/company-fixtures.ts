import type { CompanyView } from '@citycare/contract';
import { creditCheckChar } from '@citycare/contract';
import * as gate from '../../src/company/gate/handlers';
import * as reg from '../../src/company/register/handlers';
import * as review from '../../src/company/review/handlers';
import { call, newStaff, unique } from './helpers';

/** 复工复产 test set-up: handlers, a fresh valid credit code, a registration, a registered company. */

export const company = { ...reg, ...review, ...gate };

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A credit code never used before, with a correct GB 32100 check character. */
export function freshCreditCode(): string {
  let body = '91210800';
  for (let i = 0; i < 9; i++) body += CHARSET[Math.floor(Math.random() * 31)];
  return body + creditCheckChar(body);
}

export const registration = (overrides: Record<string, unknown> = {}) => ({
  name: `营口${unique('复工').slice(-6)}机械厂`,
  creditCode: freshCreditCode(),
  address: '站前区跃进街道渤海大街 12 号',
  district: 'zhanqian',
  workforce: 35,
  plan: { testing: '上下班测温查码', disinfection: '每日两次消毒', meals: '错峰分批就餐' },
  ...overrides,
});

/** A new representative (the `company` role) with one registered, pending company. */
export async function registered(overrides: Record<string, unknown> = {}) {
  const rep = await newStaff('company');
  const res = await call<{ company: CompanyView }>(company.register, {
    token: rep.token,
    body: registration(overrides),
    headers: { 'idempotency-key': unique('reg') },
  });
  if (res.status !== 201) throw new Error(`register failed: ${JSON.stringify(res.body)}`);
  return { rep, company: res.body.company };
}

export const decideAs = (token: string, companyId: string, body: Record<string, unknown>) =>
  call<{ company: CompanyView }>(company.decide, { token, params: { companyId }, body });
