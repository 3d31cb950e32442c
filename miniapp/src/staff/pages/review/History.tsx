import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AuditRow, DeclarationView, ResidentDetailResponse } from '@citycare/contract';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import { FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { shanghaiShort } from '@/lib/health/time';
import { aria } from '@/lib/a11y';

const strings = {
  timeline: '状态变更记录',
  declarations: '每日申报',
  noChanges: '没有状态变更',
  noDeclarations: '没有申报',
  more: '加载更早的记录',
  loading: '正在加载…',
  by: { rule: '规则', official: '卫健' },
  head: ['日期', '体温', '结论'],
};

type Kind = 'audit' | 'declarations';

/**
 * Pages of one kind of history after the first (which came with the detail): fetched with the
 * sealed cursor the previous page gave, dropped when the detail loads again.
 */
function usePages<T>(residentId: string, kind: Kind, first: T[], cursor: string | undefined, base: unknown) {
  const [extra, setExtra] = useState<{ base: unknown; rows: T[]; cursor?: string }>();
  const more = extra?.base === base ? extra : undefined;
  const paging = useSubmit();
  const next = more ? more.cursor : cursor;
  const load = () =>
    paging.run(async () => {
      if (!next) return;
      const page = await api('healthResidentHistory', {
        params: { residentId },
        query: { kind, cursor: next },
        quiet: true,
      });
      const rows = (kind === 'audit' ? page.audit : page.declarations) as T[];
      setExtra((m) => ({ base, rows: [...(m && m.base === base ? m.rows : []), ...rows], cursor: page.nextCursor }));
    });
  return { rows: [...first, ...(more?.rows ?? [])], next, load, paging };
}

function More({
  pages,
}: {
  pages: { next?: string; load: () => unknown; paging: { busy: boolean; problem: string } };
}) {
  return (
    <>
      {pages.next && (
        <SubmitButton
          tone="plain"
          busy={pages.paging.busy}
          busyText={strings.loading}
          onClick={() => void pages.load()}
        >
          {strings.more}
        </SubmitButton>
      )}
      <FieldError>{pages.paging.problem}</FieldError>
    </>
  );
}

/** A resident's status changes as a timeline and their declarations as a table, each paged. */
export default function History({ residentId, detail }: { residentId: string; detail: ResidentDetailResponse }) {
  const audit = usePages<AuditRow>(residentId, 'audit', detail.audit, detail.auditCursor, detail);
  const decl = usePages<DeclarationView>(
    residentId,
    'declarations',
    detail.declarations,
    detail.declarationsCursor,
    detail,
  );
  return (
    <>
      <Text className="field__label review__history">{strings.timeline}</Text>
      {audit.rows.length === 0 && <Text className="muted">{strings.noChanges}</Text>}
      <View className="timeline">
        {audit.rows.map((a) => (
          <View key={`${a.at}${a.reason}`} className="timeline__item">
            <Text className={`timeline__dot timeline__dot--${a.to}`} />
            <View className="timeline__body">
              <Text className="timeline__change">
                {COLOUR_LABELS[a.from]} → {COLOUR_LABELS[a.to]}
                <Text className="muted"> · {strings.by[a.by]}</Text>
              </Text>
              <Text className="muted">{shanghaiShort(a.at)}</Text>
              <Text>{a.reason}</Text>
            </View>
          </View>
        ))}
      </View>
      <More pages={audit} />
      <Text className="field__label review__history">{strings.declarations}</Text>
      {decl.rows.length === 0 ? (
        <Text className="muted">{strings.noDeclarations}</Text>
      ) : (
        <View className="decl-table" {...aria('table', strings.declarations)}>
          <View className="decl-table__row decl-table__head" {...aria('row')}>
            {strings.head.map((h) => (
              <Text key={h} className="decl-table__cell" {...aria('columnheader')}>
                {h}
              </Text>
            ))}
          </View>
          {decl.rows.map((d) => (
            <View key={d.date} className="decl-table__row" {...aria('row')}>
              <Text className="decl-table__cell" {...aria('cell')}>
                {d.date.slice(5)}
              </Text>
              <Text className="decl-table__cell" {...aria('cell')}>
                {d.temperature.toFixed(1)} °C
              </Text>
              <Text className="decl-table__cell decl-table__finding" {...aria('cell')}>
                {d.findingText}
              </Text>
            </View>
          ))}
        </View>
      )}
      <More pages={decl} />
    </>
  );
}
