import { Image, Text, View } from '@tarojs/components';
import type { Relation } from '@citycare/contract';
import { cityClock } from '@citycare/contract/src/common';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import { errorMessage } from '@/api';
import { REFRESH_BEFORE_S, useOfflineCode, type KnownStatus } from '@/hooks/useOfflineCode';
import { statusAgeMinutes, serverNow } from '@/lib/health/offline-code';
import { imageAlt } from '@/lib/a11y';
import { QR_INK, qrDataUri } from '@/lib/health/qr';
import { countdown, shanghaiDateTime } from '@/lib/health/time';

const strings = {
  loading: '正在生成健康码…',
  refresh: '刷新',
  expiresIn: '后自动刷新',
  hint: '此码每 5 分钟更新一次，截图无效',
  failed: '健康码生成失败',
  offline: (until: string) => `离线码 · 有效至 ${until}`,
  statusAge: (minutes: number) => (minutes < 1 ? '状态更新于 刚刚' : `状态更新于 ${minutes} 分钟前`),
  offlineHint: '网络不通，显示的是手机里保存的健康码',
  usedUp: '离线码已用完，请联网刷新',
  early: '手机时间与离线码不符，请联网刷新',
  proxy: (name: string) => `家人代办码 · 代办人 ${name}`,
  idCard: (id: string) => `身份证 ${id}`,
  // The colour is never the only signal: a mark beside its name, and the QR read out in words.
  icons: { green: '✓', yellow: '!', red: '✕' },
  qrAlt: (colour: string, name: string, until: string) => `健康码二维码：${colour}，${name}，有效至 ${until}`,
};

export interface CodeCardProps {
  userId: string | undefined;
  resident: { residentId: string; relation: Relation; maskedName: string; idMasked: string };
  /** The resident's status as just read from the server; unknown (not loaded, offline): the stored code's. */
  status?: KnownStatus;
}

/**
 * The code: a large QR in the status colour, masked name, the time and a countdown. Without
 * network it shows the stored token of the current window, marked 离线码 with how old its status
 * is; past the last window, no QR at all, only 离线码已用完.
 */
export default function CodeCard({ userId, resident, status }: CodeCardProps) {
  const { code, shown, now, error, refresh } = useOfflineCode(userId, resident, status);
  const token = shown?.kind === 'token' ? shown : undefined;
  const gone = shown !== undefined && !token;
  const offline = !!code && error !== undefined;
  const colour = code?.colour ?? status?.colour ?? 'green';
  const refreshLink = (
    <Text className="code__refresh" onClick={refresh}>
      {strings.refresh}
    </Text>
  );
  return (
    <View className={`card code code--${gone ? 'none' : colour}`}>
      <View className="code__band">
        <Text className="code__colour">{gone ? '—' : `${strings.icons[colour]} ${COLOUR_LABELS[colour]}`}</Text>
        <Text className="code__name">{code?.maskedName ?? resident.maskedName}</Text>
      </View>
      {code?.proxyName && <Text className="code__proxy">{strings.proxy(code.proxyName)}</Text>}
      <Text className="code__id">{strings.idCard(code?.idMasked ?? resident.idMasked)}</Text>
      {token && offline && (
        <View className="code__offline">
          <Text className="code__offline-title">{strings.offline(cityClock(token.last))}</Text>
          <Text className="code__offline-age">{strings.statusAge(statusAgeMinutes(code, serverNow(code, now)))}</Text>
        </View>
      )}
      <View className="code__qr-wrap">
        {token ? (
          <Image
            className="code__qr"
            src={qrDataUri(token.token, QR_INK[colour])}
            mode="aspectFit"
            {...imageAlt(
              strings.qrAlt(COLOUR_LABELS[colour], code?.maskedName ?? resident.maskedName, cityClock(token.expiresAt)),
            )}
          />
        ) : (
          <View className="code__qr code__qr--empty">
            {gone && <Text className="code__gone">{shown.kind === 'early' ? strings.early : strings.usedUp}</Text>}
            {!code && (
              <Text className="muted">{error ? `${strings.failed}：${errorMessage(error)}` : strings.loading}</Text>
            )}
          </View>
        )}
      </View>
      <Text className="code__time">{shanghaiDateTime(now)}</Text>
      {token && !offline && (
        <View className="code__meta">
          <Text className="code__countdown">
            {countdown((token.expiresAt - serverNow(code!, now)) / 1000 - REFRESH_BEFORE_S)} {strings.expiresIn}
          </Text>
          {refreshLink}
        </View>
      )}
      {(offline || gone) && <View className="code__meta">{refreshLink}</View>}
      <Text className="muted code__hint">{offline && token ? strings.offlineHint : strings.hint}</Text>
    </View>
  );
}
