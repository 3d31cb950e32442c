import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { CatalogueItem, Category, ItemInput } from '@citycare/contract';
import List from '@/components/List';
import Page from '@/components/Page';
import { EmptyState, NotLoadedPage } from '@/components/StateView';
import { Chips, Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { CATEGORY_LABELS, CATEGORY_ORDER, routeParam, yuan } from '@/lib/grocery/format';
import './index.css';

const strings = {
  loadError: '无法加载商品',
  empty: '还没有商品',
  add: '上架新商品',
  edit: '修改',
  formAdd: '上架新商品',
  formEdit: (n: string) => `修改：${n}`,
  labels: { name: '商品名称', unit: '单位', price: '价格（元）', stock: '库存数量', limit: '每户每天限购（可不填）' },
  placeholders: {
    name: '如：大白菜',
    unit: '如：斤、袋、瓶',
    price: '如：1.20',
    stock: '如：100',
    limit: '不限购就不填',
  },
  cap: (c: string, y: string) => `${c}限价：每单位最高 ¥${y}`,
  save: '保存',
  saving: '正在保存…',
  cancel: '取消',
  saved: '已保存',
  badPrice: '请填写正确的价格，如 1.20',
  badNumber: '库存和限购必须是整数',
  stockLine: (n: number, unit: string) => `库存 ${n} ${unit}`,
  capTag: (y: string) => `限价 ¥${y}`,
};

interface Form {
  itemId?: string;
  name: string;
  category: Category;
  unit: string;
  price: string;
  stock: string;
  limit: string;
}

const blank: Form = { name: '', category: 'vegetables', unit: '斤', price: '', stock: '', limit: '' };
const fromItem = (i: CatalogueItem): Form => ({
  itemId: i.itemId,
  name: i.name,
  category: i.category,
  unit: i.unit,
  price: yuan(i.priceFen),
  stock: String(i.stock),
  limit: i.dailyLimit ? String(i.dailyLimit) : '',
});

const CATEGORIES = CATEGORY_ORDER.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

function check(form: Form): string {
  if (!/^\d+(\.\d{1,2})?$/.test(form.price.trim())) return strings.badPrice;
  if (!/^\d+$/.test(form.stock.trim()) || (form.limit.trim() && !/^\d+$/.test(form.limit.trim())))
    return strings.badNumber;
  return '';
}

export default function StoreCataloguePage() {
  const storeId = routeParam(useRouter().params, 'storeId');
  const state = useApi('groceryCatalogue', { params: { storeId } });
  const [form, setForm] = useState<Form | null>(null);
  const submit = useSubmit();

  const data = state.data;
  if (!data) return <NotLoadedPage state={state} title={strings.loadError} />;

  const open = (next: Form | null) => {
    submit.setProblem('');
    setForm(next);
  };

  const save = (f: Form) =>
    submit.run(
      async () => {
        const body: ItemInput = {
          ...(f.itemId ? { itemId: f.itemId } : {}),
          name: f.name.trim(),
          category: f.category,
          unit: f.unit.trim(),
          priceFen: Math.round(Number(f.price.trim()) * 100),
          stock: Number(f.stock.trim()),
          ...(f.limit.trim() ? { dailyLimit: Number(f.limit.trim()) } : {}),
        };
        await api('groceryPutItem', { params: { storeId }, body, quiet: true });
        void Taro.showToast({ title: strings.saved, icon: 'success' });
        setForm(null);
        state.reload();
      },
      { check: () => check(f) },
    );

  const input = (
    f: Form,
    key: 'name' | 'unit' | 'price' | 'stock' | 'limit',
    type: 'text' | 'digit' | 'number' = 'text',
  ) => (
    <Field
      label={strings.labels[key]}
      className={`catalogue-form__${key}`}
      type={type}
      value={f[key]}
      placeholder={strings.placeholders[key]}
      onChange={(value) => setForm({ ...f, [key]: value })}
    />
  );

  const cap = form ? data.caps[form.category] : undefined;
  return (
    <Page className="store-catalogue">
      {form ? (
        <View className="card">
          <Text className="card__title">{form.itemId ? strings.formEdit(form.name) : strings.formAdd}</Text>
          {input(form, 'name')}
          <Chips options={CATEGORIES} value={form.category} onChange={(category) => setForm({ ...form, category })} />
          {cap !== undefined && (
            <Notice tone="success" className="catalogue-form__cap">
              {strings.cap(CATEGORY_LABELS[form.category], yuan(cap))}
            </Notice>
          )}
          {input(form, 'unit')}
          {input(form, 'price', 'digit')}
          {input(form, 'stock', 'number')}
          {input(form, 'limit', 'number')}
          <FieldError className="catalogue-form__problem">{submit.problem}</FieldError>
          <SubmitButton
            className="catalogue-form__save"
            busy={submit.busy}
            busyText={strings.saving}
            onClick={() => save(form)}
          >
            {strings.save}
          </SubmitButton>
          <Button className="btn btn--plain" onClick={() => open(null)}>
            {strings.cancel}
          </Button>
        </View>
      ) : (
        <Button className="btn store-catalogue__add" onClick={() => open(blank)}>
          {strings.add}
        </Button>
      )}
      <List items={data.items} empty={<EmptyState glyph="货" title={strings.empty} />} card>
        {(i) => (
          <View className="row" key={i.itemId}>
            <View className="row__main">
              <Text className="title">{i.name}</Text>
              <Text className="price">
                ¥{yuan(i.priceFen)}/{i.unit}
              </Text>
              {i.capFen !== undefined && <Text className="tag tag--green">{strings.capTag(yuan(i.capFen))}</Text>}
              <Text className="muted">
                {CATEGORY_LABELS[i.category]} · {strings.stockLine(i.stock, i.unit)}
              </Text>
            </View>
            <Text className="action action--plain" onClick={() => open(fromItem(i))}>
              {strings.edit}
            </Text>
          </View>
        )}
      </List>
    </Page>
  );
}
