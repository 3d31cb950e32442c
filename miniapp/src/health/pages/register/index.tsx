import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { residentIdProblem } from '@citycare/contract/src/health-id';
import Page from '@/components/Page';
import { NotLoaded } from '@/components/StateView';
import { Chips, Consent, consentVersion, Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useKeyed } from '@/hooks/useApi';
import '@/lib/health/health.css';
import './index.css';

const strings = {
  pending: '申领已提交，待核实',
  intro: '一人一码。身份证号只用于核验身份，加密保存，页面上只显示部分号码。',
  name: '姓名',
  namePlaceholder: '与身份证一致',
  idNumber: '身份证号',
  idPlaceholder: '18 位，最后一位可能是 X',
  phone: '手机号',
  phonePlaceholder: '11 位手机号',
  community: '居住社区（村）',
  submit: '提交申领',
  submitting: '正在提交…',
  loadError: '无法加载社区列表',
  needName: '请填写姓名',
  needPhone: '手机号应为 11 位数字，以 1 开头',
  needCommunity: '请选择居住社区（村）',
  done: '申领成功',
};

const FIELDS = {
  name: { label: strings.name, name: 'name', placeholder: strings.namePlaceholder },
  idNumber: {
    label: strings.idNumber,
    name: 'idNumber',
    type: 'idcard',
    maxlength: 18,
    placeholder: strings.idPlaceholder,
  },
  phone: { label: strings.phone, name: 'phone', type: 'number', maxlength: 11, placeholder: strings.phonePlaceholder },
} as const;

const loadCommunities = () => api('directory', { params: { kind: 'community' }, quiet: true }).then((r) => r.entries);

export default function RegisterPage() {
  const communities = useKeyed(['directory', { kind: 'community' }, 'entries'], loadCommunities);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [community, setCommunity] = useState('');
  // Separate consent to sensitive data, unticked at first; the server refuses (422) without it.
  const [consent, setConsent] = useState(false);
  const submit = useSubmit();
  // The registration waits for an official's check of the ID number (HTTP 202).
  const [pending, setPending] = useState('');

  const check = (): string => {
    if (name.trim().length < 2) return strings.needName;
    const idProblem = residentIdProblem(idNumber);
    if (idProblem) return idProblem;
    if (!/^1[3-9]\d{9}$/.test(phone.trim())) return strings.needPhone;
    if (!community) return strings.needCommunity;
    return '';
  };

  const send = () =>
    submit.run(
      async () => {
        const res = await api('healthRegister', {
          body: {
            name: name.trim(),
            idNumber,
            phone: phone.trim(),
            community,
            consentVersion: consentVersion(consent),
          },
          quiet: true,
        });
        if (res.verification) return setPending(res.verification.message);
        void Taro.showToast({ title: strings.done, icon: 'success' });
        void Taro.switchTab({ url: '/pages/health/index' });
      },
      { check },
    );

  return (
    <Page className="register">
      <Text className="muted register__intro">{strings.intro}</Text>
      {pending && (
        <View className="card result result--yellow">
          <Text className="result__big">{strings.pending}</Text>
          <Text className="result__text">{pending}</Text>
        </View>
      )}
      <View className="card">
        <Field {...FIELDS.name} value={name} onChange={setName} />
        <Field {...FIELDS.idNumber} value={idNumber} onChange={setIdNumber} />
        <Field {...FIELDS.phone} value={phone} onChange={setPhone} />
        <Field label={strings.community}>
          {communities.data ? (
            <Chips
              options={communities.data.map((c) => ({ value: c.id, label: c.name }))}
              value={community}
              onChange={setCommunity}
            />
          ) : (
            <NotLoaded state={communities} title={strings.loadError} />
          )}
        </Field>
        <Consent checked={consent} onChange={setConsent} />
        <FieldError>{submit.problem}</FieldError>
      </View>
      <SubmitButton busy={submit.busy} busyText={strings.submitting} onClick={send}>
        {strings.submit}
      </SubmitButton>
    </Page>
  );
}
