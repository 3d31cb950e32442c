import type { CompanyState, PreventionPlan } from '@citycare/contract';

/** A company as stored (keys.ts `companyKey`). */
export interface CompanyItem {
  pk: string;
  sk: 'COMPANY';
  companyId: string;
  ownerId: string;
  name: string;
  creditCode: string;
  address: string;
  district: string;
  workforce: number;
  plan: PreventionPlan;
  state: CompanyState;
  returnReason?: string;
  submittedAt: string;
  decidedAt?: string;
  decidedBy?: string;
  gatePlaceId?: string;
  version: number;
  gsi1pk: string;
  gsi1sk: string;
  /** Only while pending. */
  gsi2pk?: string;
  gsi2sk?: string;
}
