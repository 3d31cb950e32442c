import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CatalogueItem, Category } from '@citycare/contract';
import { EmptyState } from '@/components/StateView';
import { Chips } from '@/components/form';
import { aria, unavailable } from '@/lib/a11y';
import { CATEGORY_LABELS, CATEGORY_ORDER, yuan } from '@/lib/grocery/format';

const strings = {
  all: '全部',
  cap: (y: string) => `限价 ¥${y}`,
  stock: (n: number, unit: string) => (n > 0 ? `库存 ${n} ${unit}` : '已售完'),
  limit: (n: number, unit: string) => `每户每天限购 ${n} ${unit}`,
  origin: (o: string) => `产地：${o}`,
  empty: '这一类暂时没有商品',
  less: (name: string) => `减少一份${name}`,
  more: (name: string) => `增加一份${name}`,
};

interface CatalogueProps {
  items: CatalogueItem[];
  qtyOf: (itemId: string) => number;
  onQty: (item: CatalogueItem, qty: number) => void;
}

/** A store's items by category, each with price, unit, stock, the cap beside the price and a stepper. */
export default function Catalogue({ items, qtyOf, onQty }: CatalogueProps) {
  const present = CATEGORY_ORDER.filter((c) => items.some((i) => i.category === c));
  const [category, setCategory] = useState<Category | 'all'>('all');
  const shown = items.filter((i) => category === 'all' || i.category === category);
  const groups = present.filter((c) => category === 'all' || c === category);
  return (
    <>
      <Chips
        options={(['all', ...present] as const).map((c) => ({
          value: c,
          label: c === 'all' ? strings.all : CATEGORY_LABELS[c],
        }))}
        value={category}
        onChange={setCategory}
      />
      {shown.length === 0 && <EmptyState glyph="菜" title={strings.empty} />}
      {groups.map((c) => (
        <View className="card" key={c}>
          <Text className="card__title">{CATEGORY_LABELS[c]}</Text>
          {shown
            .filter((i) => i.category === c)
            .map((item) => {
              const qty = qtyOf(item.itemId);
              const max = Math.min(item.stock, item.dailyLimit ?? 99, 99);
              return (
                <View className="row catalogue__item" key={item.itemId}>
                  <View className="row__main">
                    <Text className="title">{item.name}</Text>
                    <View>
                      <Text className="price">
                        ¥{yuan(item.priceFen)}/{item.unit}
                      </Text>
                      {item.capFen !== undefined && (
                        <Text className="tag tag--green catalogue__cap">{strings.cap(yuan(item.capFen))}</Text>
                      )}
                    </View>
                    <Text className="muted">{strings.stock(item.stock, item.unit)}</Text>
                    {item.dailyLimit !== undefined && (
                      <Text className="tag tag--orange">{strings.limit(item.dailyLimit, item.unit)}</Text>
                    )}
                    {item.origin && <Text className="muted">{strings.origin(item.origin)}</Text>}
                  </View>
                  <View className="catalogue__stepper">
                    {qty > 0 && (
                      <>
                        <Text
                          className="catalogue__step catalogue__step--minus"
                          onClick={() => onQty(item, qty - 1)}
                          {...aria('button', strings.less(item.name))}
                        >
                          −
                        </Text>
                        <Text className="catalogue__qty">{qty}</Text>
                      </>
                    )}
                    <Text
                      className={`catalogue__step catalogue__add${qty >= max ? ' busy' : ''}`}
                      onClick={() => qty < max && onQty(item, qty + 1)}
                      {...aria('button', strings.more(item.name))}
                      {...unavailable(qty >= max)}
                    >
                      +
                    </Text>
                  </View>
                </View>
              );
            })}
        </View>
      ))}
    </>
  );
}
