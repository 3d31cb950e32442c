import { Text, View } from '@tarojs/components';
import type { CompanyView } from '@citycare/contract';
import { COMPANY_STATE_LABELS, PLAN_PART_LABELS, PLAN_PARTS } from '@citycare/contract/src/company-labels';
import { shanghaiDateTime } from '@/lib/health/time';
import { scopeName } from '@/lib/roles';

/** A company's registration as both sides read it: state (in words), facts, plan, return reason. */
export default function CompanyCard({ c }: { c: CompanyView }) {
  return (
    <View className="card company-card">
      <Text className="section-title">{c.name}</Text>
      <Text className={`tag company-card__state company-card__state--${c.state}`}>{COMPANY_STATE_LABELS[c.state]}</Text>
      {c.returnReason && <Text className="notice notice--warn">退回理由：{c.returnReason}</Text>}
      <Text className="line">统一社会信用代码 {c.creditCode}</Text>
      <Text className="line">
        {scopeName(c.district)} · {c.address}
      </Text>
      <Text className="line">复工人数 {c.workforce} 人</Text>
      {PLAN_PARTS.map((p) => (
        <Text className="muted line" key={p}>
          {PLAN_PART_LABELS[p]}：{c.plan[p]}
        </Text>
      ))}
      <Text className="muted">提交于 {shanghaiDateTime(c.submittedAt)}</Text>
    </View>
  );
}
