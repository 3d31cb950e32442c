import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { aria } from '@/lib/a11y';

export interface ChipOption<T> {
  value: T;
  label: ReactNode;
  /** Shown faded (chip--off) and not tappable: full, closed, not offered now. */
  off?: boolean;
}

interface Common<T> {
  options: readonly ChipOption<T>[];
  /** On the row (chips). */
  className?: string;
  /** On every chip, e.g. a hook for tests. */
  chipClassName?: string;
}

interface Single<T> extends Common<T> {
  multiple?: false;
  value: T | undefined;
  onChange: (value: T) => void;
}

interface Multiple<T> extends Common<T> {
  multiple: true;
  value: readonly T[];
  onChange: (value: T[]) => void;
}

export type ChipsProps<T> = Single<T> | Multiple<T>;

/** A row of big tappable choices: one of them (`value`), or several (`multiple`, tap again to drop). */
export default function Chips<T extends string | number>(props: ChipsProps<T>) {
  const { options, className, chipClassName } = props;
  const isOn = (v: T) => (props.multiple ? props.value.includes(v) : props.value === v);
  const tap = (v: T) => {
    if (!props.multiple) return props.onChange(v);
    props.onChange(isOn(v) ? props.value.filter((x) => x !== v) : [...props.value, v]);
  };
  return (
    <View className={`chips${className ? ` ${className}` : ''}`} {...aria(props.multiple ? 'group' : 'radiogroup')}>
      {options.map((o) => {
        const classes = ['chip', chipClassName, isOn(o.value) && 'chip--on', o.off && 'chip--off'];
        return (
          <View
            key={o.value}
            className={classes.filter(Boolean).join(' ')}
            onClick={o.off ? undefined : () => tap(o.value)}
            {...aria(props.multiple ? 'checkbox' : 'radio')}
            {...{ ariaChecked: String(isOn(o.value)), ariaDisabled: o.off ? 'true' : undefined }}
          >
            {o.label}
          </View>
        );
      })}
    </View>
  );
}
