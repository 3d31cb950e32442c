import { Button, Text, View } from '@tarojs/components';
import { errorMessage } from '@/api';
import Page from '@/components/Page';
import type { RequestState } from '@/hooks/useApi';
import './index.css';

const strings = {
  loading: '正在加载…',
  retry: '重试',
  errorTitle: '加载失败',
};

export function Loading({ text = strings.loading }: { text?: string }) {
  return (
    <View className="state state--loading">
      <View className="state__spinner" />
      <Text className="state__text">{text}</Text>
    </View>
  );
}

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

export function ErrorState({ error, onRetry, title = strings.errorTitle }: ErrorStateProps) {
  return (
    <View className="state state--error">
      <View className="glyph glyph--round state__badge state__badge--error">!</View>
      <Text className="state__title">{title}</Text>
      <Text className="state__text">{errorMessage(error)}</Text>
      {onRetry && (
        <Button className="btn state__action" onClick={onRetry}>
          {strings.retry}
        </Button>
      )}
    </View>
  );
}

/** A screen whose data has not arrived: the spinner while it loads, then the error and 重试. */
export function NotLoaded({
  state,
  title,
}: {
  state: Pick<RequestState<unknown>, 'loading' | 'error' | 'reload'>;
  title?: string;
}) {
  return state.loading ? <Loading /> : <ErrorState title={title} error={state.error} onRetry={state.reload} />;
}

/** A whole page that cannot show anything before its data arrives: `if (!data) return <NotLoadedPage … />`. */
export function NotLoadedPage(props: Parameters<typeof NotLoaded>[0]) {
  return (
    <Page>
      <NotLoaded {...props} />
    </Page>
  );
}

/** A failed refresh while older data is still on screen: one line and a 重试 link. */
export function InlineError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <View className="state-inline">
      <Text className="state-inline__text">{errorMessage(error)}</Text>
      <Text className="action state-inline__retry" onClick={onRetry}>
        {strings.retry}
      </Text>
    </View>
  );
}

interface EmptyStateProps {
  title: string;
  description?: string;
  glyph?: string;
}

export function EmptyState({ title, description, glyph = 'i' }: EmptyStateProps) {
  return (
    <View className="state state--empty">
      <View className="glyph glyph--round state__badge">{glyph}</View>
      <Text className="state__title">{title}</Text>
      {description && <Text className="state__text">{description}</Text>}
    </View>
  );
}
