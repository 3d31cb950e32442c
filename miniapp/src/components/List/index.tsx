import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { InlineError, NotLoaded } from '@/components/StateView';
import type { RequestState } from '@/hooks/useApi';

interface ListProps<T> {
  items: readonly T[] | undefined;
  /** The read the items come from: NotLoaded before its first answer, InlineError for a failed refresh. */
  state?: Pick<RequestState<unknown>, 'loading' | 'error' | 'reload'>;
  /** The title of the load error. */
  title?: string;
  /** Shown when there are no items (an EmptyState). */
  empty: ReactNode;
  /** The items in one card (rows), rather than each its own card. */
  card?: boolean;
  /** Above the items, when there are some: a button for all of them, a count. */
  head?: ReactNode;
  /** One item (with its key). */
  children: (item: T) => ReactNode;
}

/** A list with its states: loading, failed, failed to refresh, empty; then its items. */
export default function List<T>({ items, state, title, empty, card = false, head, children }: ListProps<T>) {
  if (!items) return state ? <NotLoaded state={state} title={title} /> : null;
  const rows = items.map(children);
  return (
    <>
      {state && state.error !== undefined && !state.loading && (
        <InlineError error={state.error} onRetry={state.reload} />
      )}
      {items.length === 0 && empty}
      {items.length > 0 && head}
      {items.length > 0 && (card ? <View className="card">{rows}</View> : rows)}
    </>
  );
}
