import { PRIVACY_VERSION } from '@citycare/contract';
import { AppError } from '../lib/errors';

/**
 * The separate consent to sensitive personal data (个人信息保护法 第二十九条) that forms collecting
 * ID numbers, health or whereabouts must carry: the version of the 隐私保护指引 the resident's
 * unticked-by-default box agreed to. Pure; the caller stores what it returns beside the data.
 */
export interface ConsentRecord {
  consentVersion: string;
  consentAt: string;
}

export const CONSENT_MISSING = '请先阅读《隐私保护指引》，并勾选同意处理敏感个人信息';
export const CONSENT_OUTDATED = '《隐私保护指引》已更新，请阅读新版本后重新勾选同意';

/** The consent to record, or a 422 in the one error shape (none given, or for another version). */
export function sensitiveConsent(version: string | undefined, now: string, current = PRIVACY_VERSION): ConsentRecord {
  if (version === current) return { consentVersion: current, consentAt: now };
  const message = version ? CONSENT_OUTDATED : CONSENT_MISSING;
  throw new AppError('UNPROCESSABLE', message, [{ path: 'consentVersion', message }]);
}
