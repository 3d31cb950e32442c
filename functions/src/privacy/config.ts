import { requireEnv, settingsOnce } from '../lib/env';

/** How long what stays after 注销 is kept, in days (config/privacy.yml and the domains' own TTLs). */
export interface Retention {
  /** Scans, visits, outsiders and declarations (config/health-rules.yml recordTtlDays). */
  recordDays: number;
  /** Closed consultations (config/service.yml closedTtlDays). */
  consultationDays: number;
  /** Anonymised orders and repair requests (config/privacy.yml). */
  orderDays: number;
  /** Officials' reads of the resident's data (config/privacy.yml). */
  auditDays: number;
}

const days = (name: string) => {
  const n = Number(requireEnv(name));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a whole number of days`);
  return n;
};

export const retention = /* @__PURE__ */ settingsOnce<Retention>(() => ({
  recordDays: days('HEALTH_RECORD_TTL_DAYS'),
  consultationDays: days('SERVICE_CLOSED_TTL_DAYS'),
  orderDays: days('PRIVACY_ORDER_RETENTION_DAYS'),
  auditDays: days('PRIVACY_AUDIT_RETENTION_DAYS'),
}));
