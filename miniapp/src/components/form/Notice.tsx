import type { ReactNode } from 'react';
import { Text } from '@tarojs/components';

export type NoticeTone = 'info' | 'warn' | 'error' | 'success';

/** A banner: a rule to know first (info), a caution (warn), a refusal (error), an outcome (success). */
export default function Notice({
  tone = 'info',
  className,
  children,
}: {
  tone?: NoticeTone;
  className?: string;
  children?: ReactNode;
}) {
  if (children === undefined || children === null || children === '' || children === false) return null;
  return <Text className={`notice notice--${tone}${className ? ` ${className}` : ''}`}>{children}</Text>;
}
