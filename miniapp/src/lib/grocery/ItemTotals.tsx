import { Text, View } from '@tarojs/components';

export interface ItemTotal {
  itemId: string;
  name: string;
  qty: number;
  unit: string;
}

/** How much of each item in all: a store's pick list, a group purchase's order to the store. */
export default function ItemTotals({ title, totals }: { title: string; totals: readonly ItemTotal[] }) {
  if (totals.length === 0) return null;
  return (
    <View className="card">
      <Text className="card__title">{title}</Text>
      {totals.map((t) => (
        <View className="row" key={t.itemId}>
          <Text className="title">{t.name}</Text>
          <Text className="title">
            {t.qty} {t.unit}
          </Text>
        </View>
      ))}
    </View>
  );
}
