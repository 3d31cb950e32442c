import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CatalogueItem, Order, OrderLine } from '@citycare/contract';
import { FieldError, Notice, useSubmit } from '@/components/form';
import { InlineError } from '@/components/StateView';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { yuan } from '@/lib/grocery/format';

const strings = {
  outOfStock: '缺货处理',
  close: '收起',
  similar: '居民同意同类替换：可换成同类、同单位、单价不高于原商品的商品',
  none: '居民选择了不替换：只能删除这件商品，不收钱或退差价',
  replaceWith: (i: CatalogueItem) => `换成 ${i.name}（¥${yuan(i.priceFen)}/${i.unit}，库存 ${i.stock}）`,
  noCandidates: '店里没有可替换的同类商品',
  loading: '正在查找可替换的商品…',
  drop: '删除这件（缺货不配）',
  done: '已修改订单',
};

/** Items the store may put in place of `line`: same category and unit, no dearer, not scarce, enough stock. */
export function candidatesFor(line: OrderLine, order: Order, items: CatalogueItem[]): CatalogueItem[] {
  const inOrder = new Set(order.lines.map((l) => l.itemId));
  return items.filter(
    (i) =>
      !inOrder.has(i.itemId) &&
      i.category === line.category &&
      i.unit === line.unit &&
      i.priceFen <= line.priceFen &&
      i.dailyLimit === undefined &&
      i.stock >= line.qty,
  );
}

/** The similar items in stock, read only when the store opens 缺货处理 for a 同类替换 line. */
function Candidates({ line, order, onPick }: { line: OrderLine; order: Order; onPick: (i: CatalogueItem) => void }) {
  const state = useApi('groceryCatalogue', { params: { storeId: order.storeId } });
  if (state.error !== undefined && !state.data) return <InlineError error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Text className="muted">{strings.loading}</Text>;
  const found = candidatesFor(line, order, state.data.items);
  if (found.length === 0) return <Text className="muted">{strings.noCandidates}</Text>;
  return (
    <View className="actions">
      {found.map((i) => (
        <Text className="action action--plain store-orders__candidate" key={i.itemId} onClick={() => onPick(i)}>
          {strings.replaceWith(i)}
        </Text>
      ))}
    </View>
  );
}

/** 缺货处理 of one line while preparing: replace it (where the resident allowed) or drop it. */
export default function LineActions({ line, order, onDone }: { line: OrderLine; order: Order; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const submit = useSubmit();
  const send = (body: { action: 'drop'; itemId: string } | { action: 'replace'; itemId: string; withItemId: string }) =>
    submit.run(async () => {
      await api('grocerySubstitute', { params: { orderId: order.orderId }, body, quiet: true });
      void Taro.showToast({ title: strings.done, icon: 'success' });
      setOpen(false);
      onDone();
    });
  if (!open) {
    return (
      <Text className="action action--plain store-orders__out" onClick={() => setOpen(true)}>
        {strings.outOfStock}
      </Text>
    );
  }
  return (
    <View className={`store-orders__sub${submit.busy ? ' busy' : ''}`}>
      <Notice tone={line.substitution === 'similar' ? 'info' : 'warn'}>
        {line.substitution === 'similar' ? strings.similar : strings.none}
      </Notice>
      {line.substitution === 'similar' && (
        <Candidates
          line={line}
          order={order}
          onPick={(i) => void send({ action: 'replace', itemId: line.itemId, withItemId: i.itemId })}
        />
      )}
      <View className="actions">
        <Text
          className="action action--danger store-orders__drop"
          onClick={() => void send({ action: 'drop', itemId: line.itemId })}
        >
          {strings.drop}
        </Text>
        <Text className="action action--plain" onClick={() => setOpen(false)}>
          {strings.close}
        </Text>
      </View>
      <FieldError>{submit.problem}</FieldError>
    </View>
  );
}
