import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';
import { unavailable } from '@/lib/a11y';

interface SubmitButtonProps {
  onClick: () => unknown;
  /** Faded while the write runs (a class: Taro H5 writes disabled="false", which CSS still matches). */
  busy?: boolean;
  /** The label while busy, e.g. 正在提交…; without it the label stays. */
  busyText?: string;
  tone?: 'primary' | 'plain' | 'danger';
  className?: string;
  children: ReactNode;
}

/** The big full-width button that sends a form. */
export default function SubmitButton({
  onClick,
  busy,
  busyText,
  tone = 'primary',
  className,
  children,
}: SubmitButtonProps) {
  const classes = ['btn', tone !== 'primary' && `btn--${tone}`, busy && 'btn--busy', className];
  return (
    <Button className={classes.filter(Boolean).join(' ')} onClick={() => void onClick()} {...unavailable(busy)}>
      {busy && busyText ? busyText : children}
    </Button>
  );
}
