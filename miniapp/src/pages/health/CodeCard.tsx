import { Image, Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodeResponse, ResidentView } from '@citycare/contract';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import { api, errorMessage } from '@/api';
import { QR_INK, qrDataUri } from '@/lib/health/qr';
import { countdown, shanghaiDateTime } from '@/lib/health/time';

const strings = {
  loading: '正在生成健康码…',
  refresh: '刷新',
  expiresIn: '后自动刷新',
  hint: '此码每 5 分钟更新一次，截图无效',
  failed: '健康码生成失败',
  proxy: (name: string) => `家人代办码 · 代办人 ${name}`,
  idCard: (id: string) => `身份证 ${id}`,
};

/** Refresh this long before expiry, so the code on screen is always valid. */
const REFRESH_BEFORE_S = 30;

/** The code: a large QR in the status colour, masked name, the time and a countdown. */
export default function CodeCard({ resident }: { resident: ResidentView }) {
  const [code, setCode] = useState<CodeResponse>();
  const [error, setError] = useState<unknown>();
  const [now, setNow] = useState(() => Date.now());
  const [visible, setVisible] = useState(true);
  const loading = useRef(false);
  const current = useRef<CodeResponse>(undefined);
  const lastTry = useRef(0);

  const load = useCallback(async () => {
    if (loading.current || Date.now() - lastTry.current < 5000) return;
    loading.current = true;
    lastTry.current = Date.now();
    try {
      const fresh = await api('healthCode', { params: { residentId: resident.residentId }, quiet: true });
      current.current = fresh;
      setCode(fresh);
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      loading.current = false;
    }
  }, [resident.residentId]);

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  // Every second while on screen: tick the clock, and fetch a new code before this one expires.
  useEffect(() => {
    if (!visible) return undefined;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      const c = current.current;
      if (!c || Date.parse(c.expiresAt) - t < REFRESH_BEFORE_S * 1000) void load();
    };
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [visible, load]);

  const left = code ? (Date.parse(code.expiresAt) - now) / 1000 : 0;
  const colour = code?.colour ?? resident.status.colour;
  return (
    <View className={`card code code--${colour}`}>
      <View className="code__band">
        <Text className="code__colour">{COLOUR_LABELS[colour]}</Text>
        <Text className="code__name">{code?.maskedName ?? resident.maskedName}</Text>
      </View>
      {code?.proxyName && <Text className="code__proxy">{strings.proxy(code.proxyName)}</Text>}
      <Text className="code__id">{strings.idCard(code?.idMasked ?? resident.idMasked)}</Text>
      <View className="code__qr-wrap">
        {code ? (
          <Image className="code__qr" src={qrDataUri(code.token, QR_INK[colour])} mode="aspectFit" />
        ) : (
          <View className="code__qr code__qr--empty">
            <Text className="muted">{error ? `${strings.failed}：${errorMessage(error)}` : strings.loading}</Text>
          </View>
        )}
      </View>
      <Text className="code__time">{shanghaiDateTime(now)}</Text>
      {code && (
        <View className="code__meta">
          <Text className="code__countdown">
            {countdown(left - REFRESH_BEFORE_S)} {strings.expiresIn}
          </Text>
          <Text
            className="code__refresh"
            onClick={() => {
              lastTry.current = 0;
              void load();
            }}
          >
            {strings.refresh}
          </Text>
        </View>
      )}
      <Text className="muted code__hint">{strings.hint}</Text>
    </View>
  );
}
