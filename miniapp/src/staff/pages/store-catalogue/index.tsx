import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { CatalogueItem, Category, ItemInput } from '@citycare/contract';
import Page from '@/components/Page';
import { EmptyState, NotLoaded } from '@/components/StateView';
import { api, errorMessage } from '@/api';
import { useApi } from '@/hooks/useApi';
import { CATEGORY_LABELS, CATEGORY_ORDER, routeParam, yuan } from '@/lib/grocery/format';
import '@/lib/grocery/grocery.css';
import './index.css';

const strings = {
  loadError: '无法加载商品',
  empty: '还没有商品',
  add: '上架新商品',
  edit: '修改',
  formAdd: '上架新商品',
  formEdit: (n: string) => `修改：${n}`,
  name: '商品名称，如：大白菜',
  unit: '单位，如：斤、袋、瓶',
  price: '价格（元）',
  stock: '库存数量',
  limit: '每户每天限购（可不填）',
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

export default function StoreCataloguePage() {
  const storeId = routeParam(useRouter().params, 'storeId');
  const state = useApi('groceryCatalogue', { params: { storeId } });
  const [form, setForm] = useState<Form | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const data = state.data;
  if (!data) {
    return (
      <Page>
        <NotLoaded state={state} title={strings.loadError} />
      </Page>
    );
  }

  const save = async () => {
    if (!form || busy) return;
    if (!/^\d+(\.\d{1,2})?$/.test(form.price.trim())) return setProblem(strings.badPrice);
    if (!/^\d+$/.test(form.stock.trim()) || (form.limit.trim() && !/^\d+$/.test(form.limit.trim())))
      return setProblem(strings.badNumber);
    const body: ItemInput = {
      ...(form.itemId ? { itemId: form.itemId } : {}),
      name: form.name.trim(),
      category: form.category,
      unit: form.unit.trim(),
      priceFen: Math.round(Number(form.price.trim()) * 100),
      stock: Number(form.stock.trim()),
      ...(form.limit.trim() ? { dailyLimit: Number(form.limit.trim()) } : {}),
    };
    setBusy(true);
    setProblem('');
    try {
      await api('groceryPutItem', { params: { storeId }, body, quiet: true });
      void Taro.showToast({ title: strings.saved, icon: 'success' });
      setForm(null);
      state.reload();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const input = (key: 'name' | 'unit' | 'price' | 'stock' | 'limit', type: 'text' | 'digit' | 'number' = 'text') =>
    form && (
      <Input
        className={`form-input catalogue-form__${key}`}
        value={form[key]}
        type={type}
        placeholder={strings[key]}
        onInput={(e) => setForm({ ...form, [key]: e.detail.value })}
      />
    );

  const cap = form ? data.caps[form.category] : undefined;
  return (
    <Page className="store-catalogue">
      {form ? (
        <View className="card">
          <Text className="form-label">{form.itemId ? strings.formEdit(form.name) : strings.formAdd}</Text>
          {input('name')}
          <View className="chips">
            {CATEGORY_ORDER.map((c) => (
              <Text
                key={c}
                className={`chip${form.category === c ? ' chip--on' : ''}`}
                onClick={() => setForm({ ...form, category: c })}
              >
                {CATEGORY_LABELS[c]}
              </Text>
            ))}
          </View>
          {cap !== undefined && (
            <Text className="gr-notice catalogue-form__cap">
              {strings.cap(CATEGORY_LABELS[form.category], yuan(cap))}
            </Text>
          )}
          {input('unit')}
          {input('price', 'digit')}
          {input('stock', 'number')}
          {input('limit', 'number')}
          {problem && <Text className="gr-problem catalogue-form__problem">{problem}</Text>}
          <Button className={`btn catalogue-form__save${busy ? ' btn--busy' : ''}`} onClick={save}>
            {busy ? strings.saving : strings.save}
          </Button>
          <Button className="btn btn--plain" onClick={() => setForm(null)}>
            {strings.cancel}
          </Button>
        </View>
      ) : (
        <Button className="btn store-catalogue__add" onClick={() => (setProblem(''), setForm(blank))}>
          {strings.add}
        </Button>
      )}
      {data.items.length === 0 ? (
        <EmptyState glyph="货" title={strings.empty} />
      ) : (
        <View className="card">
          {data.items.map((i) => (
            <View className="gr-row" key={i.itemId}>
              <View className="gr-main">
                <Text className="gr-title">{i.name}</Text>
                <Text className="gr-price">
                  ¥{yuan(i.priceFen)}/{i.unit}
                </Text>
                {i.capFen !== undefined && (
                  <Text className="gr-tag gr-tag--green">{strings.capTag(yuan(i.capFen))}</Text>
                )}
                <Text className="gr-sub">
                  {CATEGORY_LABELS[i.category]} · {strings.stockLine(i.stock, i.unit)}
                </Text>
              </View>
              <Text className="gr-action gr-action--plain" onClick={() => (setProblem(''), setForm(fromItem(i)))}>
                {strings.edit}
              </Text>
            </View>
          ))}
        </View>
      )}
    </Page>
  );
}
