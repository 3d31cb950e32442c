import { Text, View } from '@tarojs/components';
import { AUDIT_ACTION_LABELS, type AuditEntry } from '@citycare/contract';
import { shanghaiDateTime, shanghaiShort } from '@/lib/health/time';

const strings = {
  resident: '居民',
  place: '场所',
  reason: '原因',
  onlyOfficial: '只看此人',
  onlyResident: '只看此居民',
  auditId: (id: string) => `审计号 ${id}`,
};

/** One official's read: who, when, what of whom, why; taps narrow the log to that official or resident. */
export default function Entry({
  entry: e,
  onOfficial,
  onResident,
}: {
  entry: AuditEntry;
  onOfficial: (officialId: string) => void;
  onResident: (residentId: string) => void;
}) {
  return (
    <View className="row row--stack audit__entry">
      <Text className="muted">
        {shanghaiDateTime(e.at)} · {strings.auditId(e.auditId)}
      </Text>
      <Text className="strong">
        {e.officialName} · {AUDIT_ACTION_LABELS[e.action]}
      </Text>
      {e.residentId && (
        <Text>
          {strings.resident} {e.residentId}
        </Text>
      )}
      {e.placeId && (
        <Text>
          {strings.place} {e.placeId}
          {e.from && e.to ? ` · ${shanghaiShort(e.from)} 至 ${shanghaiShort(e.to)}` : ''}
        </Text>
      )}
      {e.reason && (
        <Text>
          {strings.reason}：{e.reason}
        </Text>
      )}
      <View className="audit__narrow">
        <Text className="link audit__only-official" onClick={() => onOfficial(e.officialId)}>
          {strings.onlyOfficial}
        </Text>
        {e.residentId && (
          <Text className="link audit__only-resident" onClick={() => onResident(e.residentId ?? '')}>
            {strings.onlyResident}
          </Text>
        )}
      </View>
    </View>
  );
}
