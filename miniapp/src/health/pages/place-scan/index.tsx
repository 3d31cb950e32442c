import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { VisitResponse } from '@citycare/contract';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import Page from '@/components/Page';
import { api, errorMessage } from '@/api';
import { newScanId } from '@/lib/health/queue';
import { parsePlaceCode } from '@/lib/health/place-code';
import { shanghaiDateTime } from '@/lib/health/time';
import '@/pages/health/forms.css';
import './index.css';

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
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VisitResponse>();
  const weapp = process.env.TARO_ENV === 'weapp';

  const register = async (text: string) => {
    const placeId = parsePlaceCode(text);
    if (!placeId) return setProblem(strings.badCode);
    setProblem('');
    setBusy(true);
    try {
      const body = { visitId: newScanId(), placeId, residentId: params.residentId ?? '' };
      setResult(await api('healthVisit', { body, quiet: true }));
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
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
          <Text>
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
        <View className="field">
          <Text className="field__label">{strings.manual}</Text>
          <Input
            className="field__input"
            value={typed}
            placeholder={strings.manualPlaceholder}
            onInput={(e) => setTyped(e.detail.value)}
          />
        </View>
        {problem && <Text className="field__error">{problem}</Text>}
      </View>
      <Button
        className={`btn ${weapp ? 'btn--plain' : ''} ${busy ? 'btn--busy' : ''}`}
        onClick={() => void register(typed)}
      >
        {strings.submit}
      </Button>
    </Page>
  );
}
