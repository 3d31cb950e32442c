import {
  CONSULTATION_STATUS_LABELS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  serviceCategoriesOf,
  type ConsultationStatusId,
  type ServiceCategoryId,
  type SlaLevel,
} from '@citycare/contract/src/service-labels';

/**
 * Labels and formatting of the service centre (不见面服务), shared by the residents' pages
 * (service subpackage) and the staff's (staff subpackage). Zod-free.
 */
export { CONSULTATION_STATUS_LABELS, SERVICE_CATEGORY_LABELS, serviceCategoriesOf, type ServiceCategoryId };

export const CATEGORY_OPTIONS = SERVICE_CATEGORIES.map((c) => ({ value: c, label: SERVICE_CATEGORY_LABELS[c] }));

/** A status tag's tone: waiting orange, answered green, closed plain. */
export function statusTone(status: ConsultationStatusId): string {
  return status === 'waiting' ? 'tag--orange' : status === 'answered' ? 'tag--green' : '';
}

/** `2 小时 5 分`, `45 分钟`. */
export function waitedText(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
  return minutes % 60 ? `${hours} 小时 ${minutes % 60} 分` : `${hours} 小时`;
}

export const SLA_TONES: Record<SlaLevel, string> = { green: 'tag--green', amber: 'tag--orange', red: 'tag--red' };

/** `04172822345` -> `0417-2822345`; short service numbers as they are. */
export function phoneText(phone: string): string {
  return /^0\d{10,11}$/.test(phone) ? `${phone.slice(0, 4)}-${phone.slice(4)}` : phone;
}
