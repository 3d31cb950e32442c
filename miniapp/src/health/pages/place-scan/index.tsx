import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { VisitResponse } from '@citycare/contract';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import Page from '@/components/Page';
import { Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { newScanId } from '@/lib/health/queue';
import { parsePlaceCode } from '@/lib/health/place-code';
import { shanghaiDateTime } from '@/lib/health/time';
import '@/lib/health/health.css';

const strings = {
  intro: '进入商超、车站、诊所，或乘坐公交、出租车、网约车时，扫描张贴的场所码登记，代替纸质登记。',
  scan: '扫描场所码',
  manual: '无法扫码时，输入场所码下方的编号',
  manualPlaceholder: '例如 vh-bus-3',
  submit: '登记',
  badCode: '这不是有效的场所码',
  pass: '可以通行',
  stop: '暂不能通行',
  again: '再扫一个',
};

export default function PlaceScanPage() {
  const { params } = useRouter();
  const [typed, setTyped] = useState('');
  const submit = useSubmit();
  const [result, setResult] = useState<VisitResponse>();
  const weapp = process.env.TARO_ENV === 'weapp';

  const register = (text: string) => {
    const placeId = parsePlaceCode(text);
    return submit.run(
      async () => {
        const body = { visitId: newScanId(), placeId: placeId ?? '', residentId: params.residentId ?? '' };
        setResult(await api('healthVisit', { body, quiet: true }));
      },
      { check: () => (placeId ? '' : strings.badCode) },
    );
  };

  const scan = async () => {
    try {
      const { result: text } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await register(text);
    } catch {
      // cancelled
    }
  };

  if (result) {
    return (
      <Page className="place-scan">
        <View className={`card result result--${result.pass ? 'green' : 'red'}`}>
          <Text className="result__big">{result.pass ? strings.pass : strings.stop}</Text>
          <Text className="section-title">{result.place.name}</Text>
          <Text className="result__text">
            {COLOUR_LABELS[result.colour]} · {result.rule}
          </Text>
          <Text className="muted">{shanghaiDateTime(result.at)}</Text>
        </View>
        <Button className="btn btn--plain" onClick={() => setResult(undefined)}>
          {strings.again}
        </Button>
      </Page>
    );
  }
  return (
    <Page className="place-scan">
      <Text className="muted">{strings.intro}</Text>
      {weapp && (
        <Button className="btn" onClick={() => void scan()}>
          {strings.scan}
        </Button>
      )}
      <View className="card">
        <Field label={strings.manual} value={typed} placeholder={strings.manualPlaceholder} onChange={setTyped} />
        <FieldError>{submit.problem}</FieldError>
      </View>
      <SubmitButton tone={weapp ? 'plain' : 'primary'} busy={submit.busy} onClick={() => register(typed)}>
        {strings.submit}
      </SubmitButton>
    </Page>
  );
}
