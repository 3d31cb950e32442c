import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { VisitResponse } from '@citycare/contract';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import { PLACE_CODE_PROBLEM_TEXT, placeKindLabel } from '@citycare/contract/src/health-place-code';
import Page from '@/components/Page';
import { Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { cachedKeys, refreshKeys } from '@/lib/health/keys';
import { verifyPlaceToken, type PlaceVerifyResult } from '@/lib/health/place-verify';
import { newScanId } from '@/lib/health/queue';
import { shanghaiDateTime } from '@/lib/health/time';
import { scopeName } from '@/lib/roles';
import '@/lib/health/health.css';
import './index.css';

const strings = {
  intro: '进入商超、车站、诊所、企业，或乘坐公交、出租车、网约车时，扫描张贴的场所码登记，代替纸质登记。',
  scan: '扫描场所码',
  manual: '无法扫码时，粘贴场所码的内容',
  manualPlaceholder: '场所码海报下方的一长串字符',
  check: '核验场所码',
  empty: '请先扫描或粘贴场所码',
  verified: '已核验',
  verifiedNote: '场所码签名正确，是本市签发的场所码。',
  refused: '场所码未通过核验',
  confirm: '确认登记',
  cancel: '重新扫码',
  pass: '可以通行',
  stop: '暂不能通行',
  again: '再扫一个',
};

type Checked = { text: string; result: PlaceVerifyResult };

/**
 * A resident scans a place's signed code: the app verifies it offline against the cached JWKS
 * (fetching the keys again once if the code names a key it does not hold), shows
 * 「已核验：营口站」, and records the visit only when the resident confirms; a forged, unsigned or
 * unknown code is refused with a warning and never sent.
 */
async function checkPlaceCode(text: string): Promise<PlaceVerifyResult> {
  const first = verifyPlaceToken(text, cachedKeys().ring);
  if (first.ok || first.problem !== 'unknown-key') return first;
  return verifyPlaceToken(text, (await refreshKeys(true)).ring);
}

export default function PlaceScanPage() {
  const { params } = useRouter();
  const [typed, setTyped] = useState('');
  const [checked, setChecked] = useState<Checked>();
  const submit = useSubmit();
  const [visit, setVisit] = useState<VisitResponse>();
  const weapp = process.env.TARO_ENV === 'weapp';

  const check = async (text: string) => {
    submit.setProblem('');
    if (!text.trim()) return submit.setProblem(strings.empty);
    setChecked({ text: text.trim(), result: await checkPlaceCode(text) });
  };

  const scan = async () => {
    try {
      const { result: text } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await check(text);
    } catch {
      // cancelled
    }
  };

  const register = (placeToken: string) =>
    submit.run(async () => {
      const body = { visitId: newScanId(), placeToken, residentId: params.residentId ?? '' };
      setVisit(await api('healthVisit', { body, quiet: true }));
    });

  const restart = () => {
    setChecked(undefined);
    setVisit(undefined);
    setTyped('');
    submit.setProblem('');
  };

  if (visit) {
    return (
      <Page className="place-scan">
        <View className={`card result result--${visit.pass ? 'green' : 'red'}`}>
          <Text className="result__big">{visit.pass ? strings.pass : strings.stop}</Text>
          <Text className="section-title">{visit.place.name}</Text>
          <Text className="result__text">
            {COLOUR_LABELS[visit.colour]} · {visit.rule}
          </Text>
          <Text className="muted">{shanghaiDateTime(visit.at)}</Text>
        </View>
        <Button className="btn btn--plain" onClick={restart}>
          {strings.again}
        </Button>
      </Page>
    );
  }
  if (checked?.result.ok) {
    const { claims } = checked.result;
    const area = claims.c ?? claims.d;
    return (
      <Page className="place-scan">
        <View className="card place-scan__verified" aria-live="polite">
          <Text className="place-scan__badge">
            ✓ {strings.verified}：{claims.n}
          </Text>
          <Text className="muted">
            {placeKindLabel(claims.k)}
            {area ? ` · ${scopeName(area)}` : ''}
          </Text>
          <Text className="muted">{strings.verifiedNote}</Text>
        </View>
        <FieldError>{submit.problem}</FieldError>
        <SubmitButton busy={submit.busy} onClick={() => register(checked.text)}>
          {strings.confirm}
        </SubmitButton>
        <Button className="btn btn--plain" onClick={restart}>
          {strings.cancel}
        </Button>
      </Page>
    );
  }
  return (
    <Page className="place-scan">
      <Text className="muted">{strings.intro}</Text>
      {checked && !checked.result.ok && (
        <Notice tone="error" className="place-scan__refused">
          ⚠ {strings.refused}：{PLACE_CODE_PROBLEM_TEXT[checked.result.problem]}
        </Notice>
      )}
      {weapp && (
        <Button className="btn" onClick={() => void scan()}>
          {strings.scan}
        </Button>
      )}
      <View className="card">
        <Field
          label={strings.manual}
          name="placeCode"
          multiline
          maxlength={2000}
          value={typed}
          placeholder={strings.manualPlaceholder}
          onChange={setTyped}
        />
        <FieldError>{submit.problem}</FieldError>
      </View>
      <Button className={`btn ${weapp ? 'btn--plain' : ''}`} onClick={() => void check(typed)}>
        {strings.check}
      </Button>
    </Page>
  );
}
