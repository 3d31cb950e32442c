import { Text, View } from '@tarojs/components';
import type { Order } from '@citycare/contract';
import { STATUS_LABELS, STATUS_STEPS, timeText } from '@/lib/grocery/format';

/** The order's steps: done ones with their time, the rest greyed; a cancelled or rejected end shown in red. */
export default function Timeline({ order }: { order: Order }) {
  const at = new Map(order.timeline.map((t) => [t.status, t]));
  const ended = order.status === 'cancelled' || order.status === 'rejected';
  const steps = ended ? order.timeline.map((t) => t.status) : STATUS_STEPS;
  return (
    <View className="timeline">
      {steps.map((status) => {
        const entry = at.get(status);
        const bad = status === 'cancelled' || status === 'rejected';
        return (
          <View
            key={status}
            className={`timeline__step${entry ? ' timeline__step--done' : ''}${bad ? ' timeline__step--bad' : ''}`}
          >
            <View className="timeline__dot" />
            <View className="timeline__text">
              <Text className="timeline__label">{STATUS_LABELS[status]}</Text>
              {entry && <Text className="muted">{timeText(entry.at)}</Text>}
              {entry?.note && <Text className="muted">{entry.note}</Text>}
            </View>
          </View>
        );
      })}
    </View>
  );
}
