import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useElderMode } from '@/lib/elder';
import './index.css';

interface PageProps {
  className?: string;
}

/** The root of every page: applies the theme and, in 长辈模式, the larger type scale. */
export default function Page({ className, children }: PropsWithChildren<PageProps>) {
  const [elder] = useElderMode();
  const classes = ['page', elder ? 'page--elder' : '', className ?? ''].filter(Boolean).join(' ');
  return <View className={classes}>{children}</View>;
}
