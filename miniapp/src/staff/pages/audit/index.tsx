import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AuditEntry } from '@citycare/contract';
import List from '@/components/List';
import Page from '@/components/Page';
import { EmptyState } from '@/components/StateView';
import { Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useKeyed } from '@/hooks/useApi';
import { routeParam } from '@/lib/route';
import Entry from './Entry';
import './index.css';

const strings = {
  intro: '卫健工作人员每次查看、查询居民信息都会记录在这里。查看本页也会被记录。',
  official: '工作人员编号',
  officialHint: '在记录里点“只看此人”即可填入',
  resident: '居民编号',
  apply: '筛选',
  clear: '清除筛选',
  loadError: '无法加载审计日志',
  empty: '没有符合条件的记录',
  more: '加载更多',
  loadingMore: '正在加载…',
  moreHint: '这一页没有更多符合条件的记录，可继续加载更早的',
};

interface Filter {
  officialId?: string;
  residentId?: string;
}

const clean = (f: Filter): Filter => ({
  ...(f.officialId?.trim() ? { officialId: f.officialId.trim() } : {}),
  ...(f.residentId?.trim() ? { residentId: f.residentId.trim() } : {}),
});

/** Officials: the audit log of officials' reads, newest first, by official and by resident. */
export default function AuditPage() {
  const params = useRouter().params;
  const [typed, setTyped] = useState<Filter>(() => ({ residentId: routeParam(params, 'residentId') }));
  const [filter, setFilter] = useState<Filter>(() => clean(typed));
  const log = useKeyed(['healthAuditLog', filter], () => api('healthAuditLog', { query: { ...filter }, quiet: true }));
  const paging = useSubmit();
  // Pages after the first belong to the first page they followed; a new filter starts again.
  const [extra, setMore] = useState<{ base: unknown; entries: AuditEntry[]; cursor?: string }>();
  const more = extra?.base === log.data ? extra : undefined;
  const entries = log.data ? [...log.data.entries, ...(more?.entries ?? [])] : undefined;
  const cursor = more ? more.cursor : log.data?.nextCursor;

  const apply = (next: Filter) => {
    setTyped(next);
    setFilter(clean(next));
  };
  const loadMore = () =>
    paging.run(async () => {
      if (!cursor) return;
      const page = await api('healthAuditLog', { query: { ...filter, cursor }, quiet: true });
      const base = log.data;
      setMore((m) => ({
        base,
        entries: [...(m && m.base === base ? m.entries : []), ...page.entries],
        cursor: page.nextCursor,
      }));
    });

  return (
    <Page className="audit">
      <Text className="muted">{strings.intro}</Text>
      <View className="card">
        <Field
          label={strings.official}
          hint={strings.officialHint}
          className="audit__official"
          value={typed.officialId ?? ''}
          onChange={(officialId) => setTyped((t) => ({ ...t, officialId }))}
        />
        <Field
          label={strings.resident}
          className="audit__resident"
          value={typed.residentId ?? ''}
          onChange={(residentId) => setTyped((t) => ({ ...t, residentId }))}
        />
        <View className="audit__buttons">
          <SubmitButton tone="plain" onClick={() => apply(typed)}>
            {strings.apply}
          </SubmitButton>
          {(filter.officialId || filter.residentId) && (
            <SubmitButton tone="plain" onClick={() => apply({})}>
              {strings.clear}
            </SubmitButton>
          )}
        </View>
      </View>
      <List
        items={entries}
        state={log}
        title={strings.loadError}
        card
        empty={<EmptyState glyph="审" title={strings.empty} />}
      >
        {(e) => (
          <Entry
            key={e.auditId + e.at}
            entry={e}
            onOfficial={(officialId) => apply({ ...filter, officialId })}
            onResident={(residentId) => apply({ ...filter, residentId })}
          />
        )}
      </List>
      {entries && cursor && (
        <View className="card">
          {more && more.entries.length === 0 && <Text className="muted">{strings.moreHint}</Text>}
          <SubmitButton tone="plain" busy={paging.busy} busyText={strings.loadingMore} onClick={loadMore}>
            {strings.more}
          </SubmitButton>
          <FieldError>{paging.problem}</FieldError>
        </View>
      )}
    </Page>
  );
}
