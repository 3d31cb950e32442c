import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TraceResponse } from '@citycare/contract';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import Page from '@/components/Page';
import { EmptyState } from '@/components/StateView';
import { Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { shanghaiDateTime } from '@/lib/health/time';

const strings = {
  intro: '每次查询都会记录查询人和原因。只查询流调需要的范围。',
  reason: '查询原因（必填，记入审计）',
  placeTitle: '某场所某时段有谁',
  placeId: '场所编号（如 vn-yingkou-station）',
  hours: '查询最近多少小时（最多 72）',
  residentTitle: '某居民近 14 天去过哪里',
  residentId: '居民编号（在复核页查到）',
  search: '查询',
  empty: '没有记录',
  needReason: '请填写查询原因',
  audit: (id: string) => `本次查询已记录（审计号 ${id}）`,
};

export default function TracePage() {
  const [reason, setReason] = useState('');
  const [placeId, setPlaceId] = useState('');
  const [hours, setHours] = useState('24');
  const [residentId, setResidentId] = useState('');
  const [result, setResult] = useState<TraceResponse>();
  const submit = useSubmit<'place' | 'resident'>();

  const run = (kind: 'place' | 'resident') =>
    submit.run(
      async () => {
        const now = Date.now();
        const h = Math.min(Math.max(Number(hours) || 24, 1), 72);
        setResult(
          kind === 'place'
            ? await api('healthTracePlace', {
                body: {
                  placeId: placeId.trim(),
                  from: new Date(now - h * 3600_000).toISOString(),
                  to: new Date(now).toISOString(),
                  reason: reason.trim(),
                },
                quiet: true,
              })
            : await api('healthTraceResident', {
                body: { residentId: residentId.trim(), reason: reason.trim() },
                quiet: true,
              }),
        );
      },
      { action: kind, check: () => (reason.trim().length < 2 ? strings.needReason : '') },
    );

  return (
    <Page className="trace">
      <Text className="muted">{strings.intro}</Text>
      <View className="card">
        <Field label={strings.reason} value={reason} onChange={setReason} />
      </View>
      <Text className="section-title">{strings.placeTitle}</Text>
      <View className="card">
        <Field label={strings.placeId} value={placeId} onChange={setPlaceId} />
        <Field label={strings.hours} type="number" value={hours} onChange={setHours} />
        <SubmitButton tone="plain" busy={submit.action === 'place'} onClick={() => run('place')}>
          {strings.search}
        </SubmitButton>
      </View>
      <Text className="section-title">{strings.residentTitle}</Text>
      <View className="card">
        <Field label={strings.residentId} value={residentId} onChange={setResidentId} />
        <SubmitButton tone="plain" busy={submit.action === 'resident'} onClick={() => run('resident')}>
          {strings.search}
        </SubmitButton>
      </View>
      <FieldError>{submit.problem}</FieldError>
      {result && (
        <View className="card">
          <Text className="muted">{strings.audit(result.auditId)}</Text>
          {result.scans.length === 0 && <EmptyState glyph="查" title={strings.empty} />}
          {result.scans.map((s) => (
            <View key={`${s.at}${s.placeId}${s.maskedName}`} className="row row--stack">
              <Text className="strong">
                {s.placeName} · {s.maskedName} {s.colour ? COLOUR_LABELS[s.colour] : ''}
              </Text>
              <Text className="muted">
                {shanghaiDateTime(s.at)} {s.residentId ?? ''}
              </Text>
            </View>
          ))}
        </View>
      )}
    </Page>
  );
}
