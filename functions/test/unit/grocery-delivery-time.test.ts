import { CLOCK_SKEW_SECONDS, deliveryTime } from '../../src/grocery/delivery/rules';

const now = new Date('2020-02-10T02:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms);

describe('deliveryTime', () => {
  it('is now when the phone says nothing', () => {
    expect(deliveryTime(undefined, now, 72)).toEqual({ ok: true, at: now });
  });
  it('keeps a past time inside the offline window, to the edge', () => {
    expect(deliveryTime(at(-3600_000), now, 72)).toEqual({ ok: true, at: at(-3600_000) });
    expect(deliveryTime(at(-72 * 3600_000), now, 72)).toEqual({ ok: true, at: at(-72 * 3600_000) });
  });
  it('refuses a time past the offline window', () => {
    expect(deliveryTime(at(-72 * 3600_000 - 1), now, 72).ok).toBe(false);
  });
  it('clamps a small skew ahead to now, and refuses more', () => {
    expect(deliveryTime(at(CLOCK_SKEW_SECONDS * 1000), now, 72)).toEqual({ ok: true, at: now });
    expect(deliveryTime(at(CLOCK_SKEW_SECONDS * 1000 + 1), now, 72).ok).toBe(false);
  });
});
