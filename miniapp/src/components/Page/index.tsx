import { useEffect, useState, type PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { requireSession } from '@/api';
import PrivacyDialog from '@/components/PrivacyDialog';
import { reachableScroller } from '@/lib/a11y';
import { useElderMode } from '@/lib/elder';
import './index.css';

let pageCount = 0;

interface PageProps {
  className?: string;
  /** A page anyone may see (the login page); every other page needs a session. */
  open?: boolean;
  /** The 隐私保护指引 page itself carries no privacy dialog over it. */
  noPrivacyDialog?: boolean;
}

/**
 * The root of every page: applies the theme and, in 长辈模式, the larger type scale; and, unless
 * `open`, sends a visitor without a session to the login page once the page is shown. On H5 the
 * page's scroll container is reachable by keyboard.
 */
export default function Page({
  className,
  open = false,
  noPrivacyDialog = false,
  children,
}: PropsWithChildren<PageProps>) {
  const [elder] = useElderMode();
  const [id] = useState(() => `page-${++pageCount}`);
  useEffect(() => reachableScroller(id), [id]);
  useDidShow(() => {
    if (!open) void requireSession();
  });
  const classes = ['page', elder ? 'page--elder' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View id={id} className={classes}>
      {children}
      {!noPrivacyDialog && <PrivacyDialog />}
    </View>
  );
}
