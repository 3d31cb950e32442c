import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Exposure, ResidentView, Symptom } from '@citycare/contract';
import { COLOUR_LABELS, EXPOSURE_LABELS, SYMPTOMS, SYMPTOM_LABELS } from '@citycare/contract/src/health-labels';
import Page from '@/components/Page';
import { Chips, Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import '@/lib/health/health.css';
import './index.css';

const strings = {
  temperature: '今日体温（°C）',
  temperaturePlaceholder: '例如 36.5',
  symptoms: '有没有以下症状（可多选，没有就不选）',
  travel: '近 14 天去过的地方（没有外出就不选）',
  travelPlaceholder: '其他地方，例如 辽宁省沈阳市',
  add: '添加',
  contact: '近 14 天是否接触过确诊或疑似病例',
  submit: '提交申报',
  submitting: '正在提交…',
  badTemperature: '请填写体温，例如 36.5',
  resultTitle: '申报结果',
  back: '返回健康码',
  note: '每天申报一次；同一天再次申报，以最后一次为准。',
};

/** Places people ask about most (risk areas are decided by the rule book, not by this list). */
const COMMON_PLACES = ['湖北省武汉市', '湖北省其他地区', '北京市', '辽宁省沈阳市', '辽宁省大连市'];
const TEMPERATURE = {
  label: strings.temperature,
  name: 'temperature',
  type: 'digit',
  placeholder: strings.temperaturePlaceholder,
} as const;
const SYMPTOM_CHOICES = SYMPTOMS.map((s) => ({ value: s, label: SYMPTOM_LABELS[s] }));
const CONTACT_CHOICES = (Object.keys(EXPOSURE_LABELS) as Exposure[]).map((c) => ({
  value: c,
  label: EXPOSURE_LABELS[c],
}));

export default function DeclarePage() {
  const { params } = useRouter();
  const residentId = params.residentId ?? '';
  const [temperature, setTemperature] = useState('');
  const [symptoms, setSymptoms] = useState<Symptom[]>([]);
  const [travel, setTravel] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const [contact, setContact] = useState<Exposure>('none');
  const submit = useSubmit();
  const [result, setResult] = useState<{ resident: ResidentView; text: string }>();

  const addOther = () => {
    const place = other.trim();
    if (place.length >= 2 && !travel.includes(place)) setTravel([...travel, place]);
    setOther('');
  };

  const send = () => {
    const t = Number(temperature);
    return submit.run(
      async () => {
        const res = await api('healthDeclare', {
          body: { residentId, temperature: t, symptoms, travel, contact },
          quiet: true,
        });
        setResult({ resident: res.resident, text: res.declaration.findingText });
      },
      { check: () => (!temperature || Number.isNaN(t) ? strings.badTemperature : '') },
    );
  };

  if (result) {
    const s = result.resident.status;
    return (
      <Page className="declare">
        <View className={`card result result--${s.colour}`}>
          <Text className="muted">{strings.resultTitle}</Text>
          <Text className="result__big">{COLOUR_LABELS[s.colour]}</Text>
          <Text className="result__text">{result.text}</Text>
          <Text className="muted">{s.outlook}</Text>
        </View>
        <Button className="btn" onClick={() => void Taro.navigateBack()}>
          {strings.back}
        </Button>
      </Page>
    );
  }

  const places = [...new Set([...COMMON_PLACES, ...travel])].map((p) => ({ value: p, label: p }));
  return (
    <Page className="declare">
      <Text className="muted">{strings.note}</Text>
      <View className="card">
        <Field {...TEMPERATURE} value={temperature} onChange={setTemperature} />
        <Field label={strings.symptoms}>
          <Chips<Symptom> multiple options={SYMPTOM_CHOICES} value={symptoms} onChange={setSymptoms} />
        </Field>
        <Field label={strings.travel}>
          <Chips<string> multiple options={places} value={travel} onChange={setTravel} />
          <View className="declare__travel-add">
            <Input
              className="field__input"
              value={other}
              placeholder={strings.travelPlaceholder}
              onInput={(e) => setOther(e.detail.value)}
            />
            <Text className="declare__add" onClick={addOther}>
              {strings.add}
            </Text>
          </View>
        </Field>
        <Field label={strings.contact}>
          <Chips options={CONTACT_CHOICES} value={contact} onChange={setContact} />
        </Field>
        <FieldError>{submit.problem}</FieldError>
      </View>
      <SubmitButton busy={submit.busy} busyText={strings.submitting} onClick={send}>
        {strings.submit}
      </SubmitButton>
    </Page>
  );
}
