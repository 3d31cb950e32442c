import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { TraceResponse } from '@citycare/contract';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import DirectoryPicker from '@/components/DirectoryPicker';
import Page from '@/components/Page';
import { EmptyState } from '@/components/StateView';
import { Chips, Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { shanghaiDateTime } from '@/lib/health/time';
import { routeParam } from '@/lib/route';
import { checkRange, lastHours } from './range';
import './index.css';

const strings = {
  intro: '每次查询都会记录查询人和原因。只查询流调需要的范围。',
  reason: '查询原因（必填，记入审计）',
  placeTitle: '某场所某时段有谁',
  place: '场所',
  from: '开始时间',
  to: '结束时间',
  rangeHint: '北京时间，如 2020-02-22 08:00；一次最多 72 小时，只能查近 28 天',
  quick: '常用时段',
  residentTitle: '某居民近 14 天去过哪里',
  residentHint: '在复核页找到居民后，点“查行程”来到这里',
  residentGiven: '复核页选定的居民',
  traceThem: '查此人行程 ›',
  search: '查询',
  empty: '没有记录',
  needReason: '请填写查询原因',
  needPlace: '请先选择场所',
  audit: (id: string) => `本次查询已记录（审计号 ${id}）`,
};

const QUICK = [
  { value: 6, label: '最近 6 小时' },
  { value: 24, label: '最近 24 小时' },
  { value: 72, label: '最近 72 小时' },
];

export default function TracePage() {
  const [reason, setReason] = useState('');
  const [placeId, setPlaceId] = useState<string>();
  const [range, setRange] = useState(() => lastHours(24));
  const [quick, setQuick] = useState<number | undefined>(24);
  const given = routeParam(useRouter().params, 'residentId');
  const [residentId, setResidentId] = useState(given);
  const [residentName, setResidentName] = useState<string>();
  const [result, setResult] = useState<TraceResponse>();
  const submit = useSubmit<'place' | 'resident'>();

  const pickQuick = (hours: number) => {
    setQuick(hours);
    setRange(lastHours(hours));
  };
  const typeRange = (part: 'from' | 'to') => (text: string) => {
    setQuick(undefined);
    setRange((r) => ({ ...r, [part]: text }));
  };

  /** The place trace's range, or why it cannot be asked (checked again by the server). */
  const placeRange = () => checkRange(range.from, range.to);

  const ask = async (kind: 'place' | 'resident'): Promise<TraceResponse> => {
    if (kind === 'resident') {
      return api('healthTraceResident', {
        body: { residentId, reason: reason.trim() },
        quiet: true,
      });
    }
    const checked = placeRange();
    if (typeof checked === 'string') throw new Error(checked);
    return api('healthTracePlace', {
      body: { placeId: placeId ?? '', ...checked, reason: reason.trim() },
      quiet: true,
    });
  };

  // Which section was asked last: its error shows under its own button.
  const [asked, setAsked] = useState<'place' | 'resident'>();
  const run = (kind: 'place' | 'resident') => {
    setAsked(kind);
    return submit.run(async () => setResult(await ask(kind)), {
      action: kind,
      check: () => {
        if (reason.trim().length < 2) return strings.needReason;
        if (kind === 'place' && !placeId) return strings.needPlace;
        const checked = kind === 'place' ? placeRange() : undefined;
        return typeof checked === 'string' ? checked : '';
      },
    });
  };

  return (
    <Page className="trace">
      <Text className="muted">{strings.intro}</Text>
      <View className="card">
        <Field label={strings.reason} className="trace__reason" value={reason} onChange={setReason} />
      </View>
      <Text className="section-title">{strings.placeTitle}</Text>
      <View className="card">
        <DirectoryPicker
          kind="place"
          label={strings.place}
          className="trace__place"
          value={placeId}
          onChange={(e) => setPlaceId(e?.id)}
        />
        <Field label={strings.quick}>
          <Chips options={QUICK} value={quick} onChange={pickQuick} />
        </Field>
        <Field
          label={strings.from}
          hint={strings.rangeHint}
          className="trace__from"
          value={range.from}
          onChange={typeRange('from')}
        />
        <Field label={strings.to} className="trace__to" value={range.to} onChange={typeRange('to')} />
        <SubmitButton tone="plain" busy={submit.action === 'place'} onClick={() => run('place')}>
          {strings.search}
        </SubmitButton>
        <FieldError>{asked === 'place' ? submit.problem : ''}</FieldError>
      </View>
      <Text className="section-title">{strings.residentTitle}</Text>
      <View className="card">
        {residentId ? (
          <>
            <Text className="strong trace__resident">{residentName ?? strings.residentGiven}</Text>
            <SubmitButton tone="plain" busy={submit.action === 'resident'} onClick={() => run('resident')}>
              {strings.search}
            </SubmitButton>
          </>
        ) : (
          <Text className="muted">{strings.residentHint}</Text>
        )}
        <FieldError>{asked === 'resident' ? submit.problem : ''}</FieldError>
      </View>
      {result && (
        <View className="card trace__result">
          <Text className="muted">{strings.audit(result.auditId)}</Text>
          {result.scans.length === 0 && <EmptyState glyph="查" title={strings.empty} />}
          {result.scans.map((s) => (
            <View key={`${s.at}${s.placeId}${s.maskedName}`} className="row row--stack">
              <Text className="strong">
                {s.placeName} · {s.maskedName} {s.colour ? COLOUR_LABELS[s.colour] : ''}
              </Text>
              <Text className="muted">{shanghaiDateTime(s.at)}</Text>
              {s.residentId && s.residentId !== residentId && (
                <Text
                  className="link trace__them"
                  onClick={() => {
                    setResidentId(s.residentId ?? '');
                    setResidentName(s.maskedName);
                  }}
                >
                  {strings.traceThem}
                </Text>
              )}
            </View>
          ))}
        </View>
      )}
    </Page>
  );
}
