import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ResidentView } from '@citycare/contract';
import { COLOUR_LABELS, RELATION_LABELS } from '@citycare/contract/src/health-labels';
import Page from '@/components/Page';
import { EmptyState, ErrorState, InlineError, Loading } from '@/components/StateView';
import { api, getSession } from '@/api';
import { useKeyed } from '@/hooks/useApi';
import { dropCodes, storedCodes } from '@/lib/health/code-store';
import StatusHistory from './StatusHistory';
import CodeCard, { type CodeCardProps } from './CodeCard';
import './index.css';
import SubscribeButton from '@/components/SubscribeButton';

const strings = {
  loadError: '无法加载健康码',
  emptyTitle: '您还没有申领健康码',
  emptyDesc: '一人一码、一码通行。登记姓名、身份证号和手机号后即可申领。',
  register: '申领健康码',
  statusTitle: '当前状态',
  declare: '每日健康申报',
  declared: '今日已申报',
  actions: [
    { key: 'place', label: '扫场所码', url: '/health/pages/place-scan/index' },
    { key: 'scans', label: '扫码记录', url: '/health/pages/scans/index' },
    { key: 'family', label: '家人代办', url: '/health/pages/family/index' },
    { key: 'appeal', label: '申请纠错', url: '/health/pages/appeal/index' },
    { key: 'rules', label: '赋码规则', url: '/health/pages/rules/index' },
  ],
};

const loadHousehold = () => api('healthHousehold', { quiet: true }).then((r) => r.residents);

function go(url: string, resident?: ResidentView) {
  void Taro.navigateTo({ url: resident ? `${url}?residentId=${resident.residentId}` : url });
}

export default function HealthPage() {
  const household = useKeyed(['healthHousehold', null, 'residents'], loadHousehold);
  const [selected, setSelected] = useState(0);
  const reload = household.reload;
  useDidShow(useCallback(() => reload(), [reload]));
  const residents = household.data;
  const userId = getSession()?.user.userId;
  // Until the household loads (or when it cannot: no network), the codes kept on the phone.
  const [stored] = useState(() => storedCodes(userId));
  const list: CodeCardProps['resident'][] = residents ?? stored;
  const shown = list[Math.min(selected, list.length - 1)];
  const resident = residents?.find((r) => r.residentId === shown?.residentId);
  // Residents no longer in the household keep no code on the phone.
  useEffect(() => {
    if (userId && residents) dropCodes(userId, (c) => residents.some((r) => r.residentId === c.residentId));
  }, [userId, residents]);

  return (
    <Page className="health">
      {!shown && household.loading && <Loading />}
      {!residents && !shown && !household.loading && (
        <ErrorState title={strings.loadError} error={household.error} onRetry={household.reload} />
      )}
      {shown && household.error !== undefined && <InlineError error={household.error} onRetry={reload} />}
      {residents && residents.length === 0 && (
        <>
          <EmptyState glyph="码" title={strings.emptyTitle} description={strings.emptyDesc} />
          <Button className="btn" onClick={() => go('/health/pages/register/index')}>
            {strings.register}
          </Button>
        </>
      )}
      {shown && (
        <>
          {list.length > 1 && (
            <View className="health__tabs">
              {list.map((r, i) => (
                <Text
                  key={r.residentId}
                  className={`health__tab ${r.residentId === shown.residentId ? 'health__tab--on' : ''}`}
                  onClick={() => setSelected(i)}
                >
                  {RELATION_LABELS[r.relation]} {r.maskedName}
                </Text>
              ))}
            </View>
          )}
          {/* The stored code shows at once; the same card carries on once the household has loaded. */}
          <CodeCard
            key={shown.residentId}
            userId={userId}
            resident={shown}
            status={resident && { colour: resident.status.colour, since: resident.status.since }}
          />
        </>
      )}
      {resident && (
        <>
          <View className={`card health__status health__status--${resident.status.colour}`}>
            <Text className="health__status-title">
              {strings.statusTitle}：{COLOUR_LABELS[resident.status.colour]}
            </Text>
            <Text className="health__reason">{resident.status.reason}</Text>
            <Text className="health__outlook">{resident.status.outlook}</Text>
          </View>
          <Button
            className={`btn ${resident.declaredToday ? 'btn--plain' : ''}`}
            onClick={() => go('/health/pages/declare/index', resident)}
          >
            {resident.declaredToday ? `${strings.declared} · ${strings.declare}` : strings.declare}
          </Button>
          <View className="health__actions">
            {strings.actions.map((a) => (
              <View key={a.key} className="health__action" hoverClass="tap-active" onClick={() => go(a.url, resident)}>
                <Text>{a.label}</Text>
              </View>
            ))}
          </View>
          <StatusHistory key={`${resident.residentId}-${resident.status.since}`} residentId={resident.residentId} />
          <SubscribeButton topics={['healthCode']} />
        </>
      )}
    </Page>
  );
}
