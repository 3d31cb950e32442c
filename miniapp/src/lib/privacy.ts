import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import { PRIVACY_VERSION } from '@citycare/contract/src/privacy-version';

/**
 * The privacy authorization (隐私保护指引) on first launch. Weapp: WeChat's own — the app
 * declares `__usePrivacyCheck__`, asks `getPrivacySetting` at launch and listens to
 * `onNeedPrivacyAuthorization`, showing its own dialog whose 同意 button has open-type
 * `agreePrivacyAuthorization`. H5: the same dialog until the guide's version is agreed (stored).
 * Refusing closes the dialog: what needs no personal data still works; 我的 and the guide page
 * offer to agree later.
 */
export const GUIDE_URL = '/privacy/pages/guide/index';
export const AGREE_BUTTON_ID = 'privacy-agree';
const STORAGE_KEY = 'citycare.privacy';

type Choice = 'agreed' | 'refused' | undefined;
type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const listeners = new Set<() => void>();
let open = false;
let pending: Resolve | undefined;

function stored(): Choice {
  try {
    const v = Taro.getStorageSync(STORAGE_KEY) as { version?: string; choice?: Choice } | '';
    return v && v.version === PRIVACY_VERSION ? v.choice : undefined;
  } catch {
    return undefined;
  }
}
let choice: Choice;
let loaded = false;

/** The answer for this version, read from storage on first use (a page may render before the launch hook runs). */
function currentChoice(): Choice {
  if (!loaded) {
    choice = stored();
    loaded = true;
  }
  return choice;
}

function set(next: { open?: boolean; choice?: Choice }) {
  if (next.open !== undefined) open = next.open;
  if (next.choice) {
    loaded = true;
    choice = next.choice;
    Taro.setStorageSync(STORAGE_KEY, { version: PRIVACY_VERSION, choice: next.choice });
  }
  listeners.forEach((notify) => notify());
}

/** Called once at launch: asks WeChat (weapp) or storage (H5) whether the guide still needs agreeing. */
export function startPrivacyCheck(): void {
  currentChoice();
  if (!IS_WEAPP) {
    if (!choice) set({ open: true });
    return;
  }
  const wx = Taro as unknown as Partial<{
    onNeedPrivacyAuthorization: (listener: (resolve: Resolve) => void) => void;
    getPrivacySetting: (o: { success: (r: { needAuthorization: boolean }) => void }) => void;
  }>;
  // Base library 2.32.3 and later; older clients have no privacy check to answer.
  wx.onNeedPrivacyAuthorization?.((resolve) => {
    pending = resolve;
    resolve({ event: 'exposureAuthorization' });
    set({ open: true });
  });
  wx.getPrivacySetting?.({
    success: (r) => {
      if (r.needAuthorization) {
        if (choice !== 'refused') set({ open: true });
        return;
      }
      // Agreed in WeChat (or nothing to agree to): remembered quietly, no page changes.
      if (choice !== 'agreed') {
        loaded = true;
        choice = 'agreed';
        Taro.setStorageSync(STORAGE_KEY, { version: PRIVACY_VERSION, choice });
      }
    },
  });
}

/** The 同意 button was tapped (on weapp: after its agreePrivacyAuthorization event). */
export function agreePrivacy(): void {
  pending?.({ event: 'agree', buttonId: AGREE_BUTTON_ID });
  pending = undefined;
  set({ open: false, choice: 'agreed' });
}

export function refusePrivacy(): void {
  pending?.({ event: 'disagree' });
  pending = undefined;
  set({ open: false, choice: 'refused' });
}

/** Shows the dialog again (我的, the guide page): the way back after refusing. */
export function askPrivacyAgain(): void {
  set({ open: true });
}

/** WeChat's own page of the guide as registered with the mini-program (weapp); the app's page elsewhere. */
export function openPrivacyContract(): void {
  const wx = Taro as unknown as Partial<{ openPrivacyContract: (o: { fail: () => void }) => void }>;
  const page = () => void Taro.navigateTo({ url: GUIDE_URL });
  if (IS_WEAPP && wx.openPrivacyContract) wx.openPrivacyContract({ fail: page });
  else page();
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

const snapshot = () => `${open ? 'open' : 'closed'}:${currentChoice() ?? ''}`;

/** Whether the dialog shows, and what the resident chose for this version of the guide. */
export function usePrivacy(): { open: boolean; choice: Choice } {
  const s = useSyncExternalStore(subscribe, snapshot, snapshot);
  const [state, chosen] = s.split(':');
  return { open: state === 'open', choice: (chosen || undefined) as Choice };
}
