import { Text, View } from '@tarojs/components';

/** A group buy's card at the top of its page: 标签 · 商店, then the page's own lines under it. */
export default function GroupHeading({
  group,
  lines,
}: {
  group: { label: string; storeName: string };
  lines: string[];
}) {
  return (
    <View className="card">
      <Text className="title">
        {group.label} · {group.storeName}
      </Text>
      {lines.map((line) => (
        <Text key={line} className="muted">
          {line}
        </Text>
      ))}
    </View>
  );
}
