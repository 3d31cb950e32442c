import { useState, type ReactNode } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { InputProps } from '@tarojs/components';

const strings = { required: '必填' };

let fieldCount = 0;

interface Frame {
  /** Big, bold, always visible (a placeholder disappears once typing starts). */
  label?: ReactNode;
  /** A smaller line under the label: an example or a rule. */
  hint?: ReactNode;
  /** What is wrong with this field, in red under it. */
  error?: string;
  /** The field's name for screen readers when it shows no label (a section title names it on screen). */
  ariaLabel?: string;
  /** Marks the label 必填. */
  required?: boolean;
  /** On the field's wrapper; tests and page styles reach the control inside it. */
  className?: string;
}

/** The control made from props: an Input, or a Textarea when `multiline`. */
interface Control {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: InputProps['type'];
  /** Taro's default is 140 characters; -1 is no limit. */
  maxlength?: number;
  name?: string;
  multiline?: boolean;
  children?: never;
}

/** Or a control of the page's own (Picker, Chips, an Input with a button beside it). */
interface Child {
  children: ReactNode;
  value?: never;
  onChange?: never;
}

export type FieldProps = Frame & (Control | Child);

/** The form's red line: a field's error, or why the whole form was refused. Nothing when empty. */
export function FieldError({ children, className }: { children?: string; className?: string }) {
  if (!children) return null;
  return <Text className={`field__error${className ? ` ${className}` : ''}`}>{children}</Text>;
}

/**
 * A labelled form field: label (必填), hint, the control, its error. The control is named by its
 * label and described by its hint for screen readers: by id on H5, by `ariaLabel` in the mini-program.
 */
export default function Field(props: FieldProps) {
  const { label, hint, error, required, className, ariaLabel } = props;
  const [id] = useState(() => `field-${++fieldCount}`);
  const names = {
    labelId: label !== undefined ? `${id}-label` : undefined,
    hintId: hint !== undefined ? `${id}-hint` : undefined,
    ariaLabel: typeof label === 'string' ? label : ariaLabel,
  };
  return (
    <View className={`field${className ? ` ${className}` : ''}`}>
      {label !== undefined && (
        <Text className="field__label" id={names.labelId}>
          {label}
          {required && <Text className="field__required">{strings.required}</Text>}
        </Text>
      )}
      {hint !== undefined && (
        <Text className="field__hint" id={names.hintId}>
          {hint}
        </Text>
      )}
      {'children' in props && props.children !== undefined ? (
        props.children
      ) : (
        <FieldControl {...(props as Control)} {...names} />
      )}
      <FieldError>{error}</FieldError>
    </View>
  );
}

interface Names {
  labelId?: string;
  hintId?: string;
  ariaLabel?: string;
}

function FieldControl({ value, onChange, multiline, placeholder, type, maxlength, name, ...names }: Control & Names) {
  // Only what the page gave: Taro's components keep their own defaults for the rest.
  const given = Object.fromEntries(
    Object.entries({ placeholder, type, maxlength, name, ariaLabel: names.ariaLabel }).filter(
      (e) => e[1] !== undefined,
    ),
  );
  // On H5 Taro renders its own <input>/<textarea> inside; nativeProps reach that element.
  const nativeProps = Object.fromEntries(
    Object.entries({
      'aria-labelledby': names.labelId,
      'aria-label': names.labelId ? undefined : names.ariaLabel,
      'aria-describedby': names.hintId,
    }).filter((e) => e[1]),
  );
  const onInput = (e: { detail: { value: string } }) => onChange(e.detail.value);
  return multiline ? (
    <Textarea className="field__textarea" value={value} onInput={onInput} nativeProps={nativeProps} {...given} />
  ) : (
    <Input className="field__input" value={value} onInput={onInput} nativeProps={nativeProps} {...given} />
  );
}
