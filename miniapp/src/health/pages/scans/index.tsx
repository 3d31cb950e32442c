import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import Page from '@/components/Page';
import List from '@/components/List';
import { EmptyState } from '@/components/StateView';
import { api } from '@/api';
import { useKeyed } from '@/hooks/useApi';
import { shanghaiDateTime } from '@/lib/health/time';

const strings = {
  intro: '近 28 天在卡点、场所和交通工具的扫码记录。记录到期自动删除。',
  loadError: '无法加载扫码记录',
  empty: '近 28 天没有扫码记录',
  kinds: { scan: '卡点核验', visit: '扫场所码', outsider: '外来登记' },
  pass: '通行',
  stop: '未通行',
};

export default function ScansPage() {
  const { params } = useRouter();
  const residentId = params.residentId ?? '';
  const load = useCallback(
    () => api('healthMyScans', { params: { residentId }, quiet: true }).then((r) => r.scans),
    [residentId],
  );
  const scans = useKeyed(['healthMyScans', { residentId }, 'scans'], load);
  return (
    <Page className="scans">
      <Text className="muted">{strings.intro}</Text>
      <List
        state={scans}
        items={scans.data}
        title={strings.loadError}
        card
        empty={<EmptyState glyph="记" title={strings.empty} />}
      >
        {(s) => (
          <View key={`${s.at}${s.placeId}`} className="row row--stack">
            <Text className="strong">{s.placeName}</Text>
            <Text>
              {strings.kinds[s.kind]} · {s.result === 'pass' ? strings.pass : strings.stop}
              {s.colour ? ` · ${COLOUR_LABELS[s.colour]}` : ''}
              {s.temperature ? ` · ${s.temperature.toFixed(1)} °C` : ''}
            </Text>
            <Text className="muted">{shanghaiDateTime(s.at)}</Text>
          </View>
        )}
      </List>
    </Page>
  );
}
