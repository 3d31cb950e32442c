import { Text, View } from '@tarojs/components';
import type { ReliefApplication } from '@citycare/contract';
import { lastDay } from './shared';

const strings = {
  status: { pending: '审核中', approved: '已批准', rejected: '未通过' },
};

const TONE = { approved: 'tag--green', pending: 'tag--orange', rejected: 'tag--red' } as const;

/** A relief application, one row per company: its status and, once approved, the last protected day. */
export default function ReliefParts({
  relief,
  title,
  until,
  className,
}: {
  relief: ReliefApplication;
  title: string;
  /** The line under an approved company: its last protected day. */
  until: (day: string) => string;
  className?: string;
}) {
  return (
    <View className={`card${className ? ` ${className}` : ''}`}>
      <Text className="title">{title}</Text>
      {relief.parts.map((p) => (
        <View className="row" key={p.company}>
          <View className="row__main">
            <Text className="line">{p.companyName}</Text>
            {p.status === 'approved' && p.protectedUntil && (
              <Text className="muted">{until(lastDay(p.protectedUntil))}</Text>
            )}
            {p.status === 'rejected' && p.reason && <Text className="muted">{p.reason}</Text>}
          </View>
          <Text className={`tag ${TONE[p.status]}`}>{strings.status[p.status]}</Text>
        </View>
      ))}
    </View>
  );
}
