import { Text, View } from '@tarojs/components';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import { useApi } from '@/hooks/useApi';
import { shanghaiShort } from '@/lib/health/time';

const strings = {
  title: '状态变更记录',
  empty: '暂无变更，颜色一直未变',
  byRule: '按规则',
  byOfficial: '卫健复核',
};

/** The audit trail of a resident's status: every change, why, and by rule or by an official. */
export default function StatusHistory({ residentId }: { residentId: string }) {
  const detail = useApi('healthResident', { params: { residentId } });
  const audit = detail.data?.audit ?? [];
  return (
    <View className="card history">
      <Text className="history__title">{strings.title}</Text>
      {detail.data && audit.length === 0 && <Text className="muted">{strings.empty}</Text>}
      {audit.map((a) => (
        <View key={`${a.at}${a.to}`} className="history__row">
          <Text className="history__when">{shanghaiShort(a.at)}</Text>
          <Text className={`history__change history__change--${a.to}`}>
            {COLOUR_LABELS[a.from]} → {COLOUR_LABELS[a.to]}（{a.by === 'rule' ? strings.byRule : strings.byOfficial}）
          </Text>
          <Text className="history__why">{a.reason}</Text>
        </View>
      ))}
    </View>
  );
}
