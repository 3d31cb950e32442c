import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { DirectoryEntry, DirectoryKind } from '@citycare/contract';
import { Field } from '@/components/form';
import { NotLoaded } from '@/components/StateView';
import { useApi } from '@/hooks/useApi';
import { matchEntries } from './match';
import './index.css';

const strings = {
  search: '输入名称查找',
  picked: '已选',
  change: '更换',
  none: '没有名称含有这些字的条目',
  more: (n: number) => `还有 ${n} 项，请输入更多字缩小范围`,
  loadError: '无法加载目录',
};

/** What an entry's own kind reads as beside its name. */
const KIND_LABELS: Record<string, string> = {
  community: '社区',
  village: '村',
  checkpoint: '卡点',
  station: '车站',
  shop: '商店',
  bus: '公交',
  taxi: '出租车',
  'ride-hailing': '网约车',
  clinic: '医院',
  store: '超市',
  water: '供水',
  power: '供电',
  gas: '燃气',
  heating: '供热',
};

/** How many matches show at once: a few big rows, so a thumb can pick one. */
const SHOWN = 8;

export interface DirectoryPickerProps {
  kind: DirectoryKind;
  label: string;
  /** The id picked, or undefined. */
  value: string | undefined;
  onChange: (entry: DirectoryEntry | undefined) => void;
  required?: boolean;
  hint?: string;
  /** On the field; tests reach the search box and the rows inside it. */
  className?: string;
}

/**
 * Pick a community, store, place or company from the city's directory by name: type a few
 * characters, tap the row. Nobody types an id. The directory of `kind` is read once per page
 * (keyed by route and kind) when the picker first shows.
 */
export default function DirectoryPicker({
  kind,
  label,
  value,
  onChange,
  required,
  hint,
  className,
}: DirectoryPickerProps) {
  const directory = useApi('directory', { params: { kind } });
  const [query, setQuery] = useState('');
  const entries = directory.data?.entries;
  const picked = value ? entries?.find((e) => e.id === value) : undefined;
  const classes = `picker${className ? ` ${className}` : ''}`;

  if (!entries) {
    return (
      <Field label={label} required={required} className={classes}>
        <NotLoaded state={directory} title={strings.loadError} />
      </Field>
    );
  }
  if (picked) {
    return (
      <Field label={label} required={required} hint={hint} className={classes}>
        <View className="picker__picked">
          <Text className="picker__picked-name">
            {strings.picked}：{picked.name}
            {KIND_LABELS[picked.kind] ? <Text className="muted"> · {KIND_LABELS[picked.kind]}</Text> : null}
          </Text>
          <Text className="action action--plain picker__change" onClick={() => onChange(undefined)}>
            {strings.change}
          </Text>
        </View>
      </Field>
    );
  }
  const found = matchEntries(entries, query);
  return (
    <Field label={label} required={required} hint={hint ?? strings.search} className={classes}>
      <Input
        className="field__input picker__search"
        value={query}
        placeholder={strings.search}
        ariaLabel={label}
        onInput={(e) => setQuery(e.detail.value)}
      />
      <View className="picker__list">
        {found.slice(0, SHOWN).map((e) => (
          <View key={e.id} className="picker__row" ariaRole="button" onClick={() => onChange(e)}>
            <Text className="picker__name">{e.name}</Text>
            {KIND_LABELS[e.kind] && <Text className="picker__kind">{KIND_LABELS[e.kind]}</Text>}
          </View>
        ))}
        {found.length === 0 && <Text className="muted picker__none">{strings.none}</Text>}
        {found.length > SHOWN && <Text className="muted">{strings.more(found.length - SHOWN)}</Text>}
      </View>
    </Field>
  );
}
