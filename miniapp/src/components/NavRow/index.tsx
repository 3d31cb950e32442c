import type { PropsWithChildren, ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

interface NavRowProps {
  /** The page it opens. */
  url: string;
  /** `url` is a tab page (opened with switchTab). */
  tab?: boolean;
  title: ReactNode;
  /** Before the text: a glyph. */
  start?: ReactNode;
  /** After the text; an arrow unless given. */
  end?: ReactNode;
  /** `row` (a row in a card) unless given, e.g. `card card--row` for a card of its own. */
  className?: string;
}

/** A tappable line that opens a page: its title, the lines under it (children), an arrow. */
export default function NavRow({
  url,
  tab = false,
  title,
  start,
  end,
  className = 'row',
  children,
}: PropsWithChildren<NavRowProps>) {
  const open = () => void (tab ? Taro.switchTab({ url }) : Taro.navigateTo({ url }));
  return (
    <View className={className} hoverClass="tap-active" onClick={open}>
      {start}
      <View className="row__main">
        <Text className="title">{title}</Text>
        {children}
      </View>
      {end ?? <Text className="arrow">›</Text>}
    </View>
  );
}
