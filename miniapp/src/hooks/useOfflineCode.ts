import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HealthColour, Relation } from '@citycare/contract';
import { api, ApiError } from '@/api';
import { dropCodes, storeCode, storedCodes } from '@/lib/health/code-store';
import { pickCode, refreshDue, serverNow, toStored, type CodeShown, type StoredCode } from '@/lib/health/offline-code';

/** Ask for a new bundle this long before the shown token's window ends. */
export const REFRESH_BEFORE_S = 30;

/** A resident's status as the household answer says it. */
export interface KnownStatus {
  colour: HealthColour;
  since: string;
}

export interface OfflineCode {
  code: StoredCode | undefined;
  /** What to show now (undefined without a code). */
  shown: CodeShown | undefined;
  /** This phone's clock, ticking once a second while the page is on screen. */
  now: number;
  /** The last attempt's error: with a stored code, the code on screen is the offline one. */
  error: unknown;
  refresh: () => void;
}

/**
 * One resident's code: the stored bundle first (so it shows at once, and without network), then
 * a fresh one from the API. While the page is on screen a clock ticks once a second; it makes a
 * request only when the shown token nears the end of its window, once per window (online or
 * not), besides the refresh when the page is shown and the 刷新 button. Once the resident's
 * status is known, a code of another colour is not shown, and a new status (after the first one
 * known) gets a new code at once.
 */
export function useOfflineCode(
  userId: string | undefined,
  resident: { residentId: string; relation: Relation },
  status?: KnownStatus,
): OfflineCode {
  const { residentId, relation } = resident;
  const [stored, setCode] = useState<StoredCode | undefined>(() =>
    storedCodes(userId).find((c) => c.residentId === residentId),
  );
  const code = stored && (!status || stored.colour === status.colour) ? stored : undefined;
  const [error, setError] = useState<unknown>();
  const [now, setNow] = useState(() => Date.now());
  const [visible, setVisible] = useState(true);
  const current = useRef(code);
  const loading = useRef(false);
  const lastTry = useRef(0);
  const triedFor = useRef(0);

  const load = useCallback(async () => {
    if (loading.current || Date.now() - lastTry.current < 5000) return;
    loading.current = true;
    lastTry.current = Date.now();
    try {
      const answer = await api('healthCode', { params: { residentId }, quiet: true });
      const fresh = toStored(answer, { residentId, relation }, Date.now());
      if (userId) storeCode(userId, fresh);
      current.current = fresh;
      setCode(fresh);
      setError(undefined);
    } catch (err) {
      // Not this user's resident any more: the stored code goes too. Anything else (no network,
      // a busy server) leaves the stored code on screen, marked offline.
      if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
        if (userId) dropCodes(userId, (c) => c.residentId !== residentId);
        current.current = undefined;
        setCode(undefined);
      }
      setError(err);
    } finally {
      loading.current = false;
    }
  }, [userId, residentId, relation]);

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  // Shown: refresh once; then tick every second, and refresh when the token's window nears its end.
  useEffect(() => {
    if (!visible) return undefined;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      const c = current.current;
      if (!c) return;
      const shown = pickCode(c, serverNow(c, t));
      if (refreshDue(shown, serverNow(c, t), REFRESH_BEFORE_S * 1000, triedFor.current)) {
        if (shown.kind === 'token') triedFor.current = shown.expiresAt;
        lastTry.current = 0;
        void load();
      }
    };
    const first = setTimeout(() => void load(), 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [visible, load]);

  const refresh = useCallback(() => {
    lastTry.current = 0;
    void load();
  }, [load]);

  // A status change seen on the page: a new code now, not when this one's window ends.
  const statusKey = status && `${status.colour}|${status.since}`;
  const seen = useRef(statusKey);
  useEffect(() => {
    if (statusKey === undefined || statusKey === seen.current) return undefined;
    const changed = seen.current !== undefined;
    seen.current = statusKey;
    if (!changed && current.current?.colour === statusKey.split('|')[0]) return undefined;
    const soon = setTimeout(refresh, 0);
    return () => clearTimeout(soon);
  }, [statusKey, refresh]);
  return { code, shown: code ? pickCode(code, serverNow(code, now)) : undefined, now, error, refresh };
}
