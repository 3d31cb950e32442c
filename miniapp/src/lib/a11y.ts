import Taro from '@tarojs/taro';

/**
 * ARIA attributes that reach both builds. The mini-program reads Taro's `ariaRole` / `ariaLabel`;
 * the H5 build renders with Preact onto the DOM, where `role` and `ariaLabel` are element
 * properties that write the `role` and `aria-label` attributes.
 */
export function aria(role: string, label?: string): { role: string; ariaRole?: string; ariaLabel?: string } {
  // Taro H5 writes ariaRole as aria-role, which is no ARIA attribute: there `role` alone.
  const roles = process.env.TARO_ENV === 'h5' ? { role } : { role, ariaRole: role };
  return { ...roles, ...(label ? { ariaLabel: label } : {}) };
}

/** An image's text alternative on both builds: `alt` on H5's <img>, `aria-label` in the mini-program. */
export function imageAlt(text: string): { ariaLabel: string; nativeProps: { alt: string } } {
  return { ariaLabel: text, nativeProps: { alt: text } };
}

/** A control's name on both builds: `aria-label` on the element Taro renders inside (H5), `ariaLabel` in the mini-program. */
export function controlName(text: string): { ariaLabel: string; nativeProps: { 'aria-label': string } } {
  return { ariaLabel: text, nativeProps: { 'aria-label': text } };
}

/**
 * A control shown faded and not usable now (our buttons mark this with a class: Taro H5 writes
 * disabled="false"): said to screen readers, and so exempt from the contrast rule, as a disabled one is.
 */
export function unavailable(off: boolean | undefined): { ariaDisabled?: 'true' } {
  return off ? { ariaDisabled: 'true' } : {};
}

/**
 * H5 only: Taro's page wrapper (.taro_page) is what scrolls, and Taro's buttons are not focusable,
 * so a keyboard could not reach or scroll a long page (WCAG 2.1.1). Given tabindex, it can.
 */
export function reachableScroller(pageElementId: string): void {
  if (process.env.TARO_ENV !== 'h5') return;
  document.getElementById(pageElementId)?.closest('.taro_page')?.setAttribute('tabindex', '0');
}

/** Spread into every Taro.showModal: its buttons in palette colours (H5's default green confirm reads at 2.2:1). */
export const DIALOG_COLOURS = { confirmColor: '#0958d9', cancelColor: '#1d2129' } as const;

/** The checkpoint worker feels the verdict without reading it: short for 通行, long for 禁止通行. */
export function buzz(result: 'pass' | 'stop'): void {
  const vibrate = result === 'pass' ? Taro.vibrateShort({ type: 'heavy' }) : Taro.vibrateLong();
  void Promise.resolve(vibrate).catch(() => undefined); // no vibrator (a desktop browser): silent
}
