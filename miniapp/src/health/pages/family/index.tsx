import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Relation } from '@citycare/contract';
import { COLOUR_LABELS, RELATION_LABELS } from '@citycare/contract/src/health-labels';
import { residentIdProblem } from '@citycare/contract/src/health-id';
import Page from '@/components/Page';
import List from '@/components/List';
import { EmptyState } from '@/components/StateView';
import { Chips, Consent, consentVersion, Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { DIALOG_COLOURS } from '@/lib/a11y';
import { useKeyed, useReloadOnReturn } from '@/hooks/useApi';

const strings = {
  consent: '，并已征得这位家人（或其监护人）同意，处理其姓名、身份证号和健康信息，只用于健康码和防疫。',
  intro: '为没有手机的老人、孩子代为申领健康码、每日申报；在健康码页切换即可出示或打印他们的码。',
  listTitle: '已添加的家人',
  empty: '还没有添加家人',
  addTitle: '添加家人',
  name: '姓名',
  idNumber: '身份证号',
  relation: '关系',
  submit: '添加',
  needName: '请填写姓名',
  needRelation: '请选择关系',
  added: '已添加',
  loadError: '无法加载家人列表',
  declare: '代为申报',
  remove: '移除',
  removeTitle: '移除家人',
  removeConfirm: (name: string) => `不再代办 ${name} 的健康码？移除后其身份证号可以重新登记。`,
  removed: '已移除',
  limit: '每个账号最多代办 5 位家人。',
};

const RELATIONS = (Object.keys(RELATION_LABELS) as Relation[]).filter(
  (r): r is Exclude<Relation, 'self'> => r !== 'self',
);
const RELATION_CHOICES = RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }));
const loadHousehold = () => api('healthHousehold', { quiet: true }).then((r) => r.residents);

export default function FamilyPage() {
  const household = useKeyed(['healthHousehold', null, 'residents'], loadHousehold);
  const reload = household.reload;
  useReloadOnReturn(reload);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [relation, setRelation] = useState<Exclude<Relation, 'self'>>();
  const [consent, setConsent] = useState(false);
  const submit = useSubmit<'add' | 'remove'>();
  const family = household.data?.filter((r) => r.relation !== 'self');

  const remove = async (residentId: string, maskedName: string) => {
    const { confirm } = await Taro.showModal({
      ...DIALOG_COLOURS,
      title: strings.removeTitle,
      content: strings.removeConfirm(maskedName),
    });
    if (!confirm) return;
    await submit.run(
      async () => {
        await api('healthRemoveFamily', { params: { residentId }, quiet: true });
        void Taro.showToast({ title: strings.removed, icon: 'success' });
        reload();
      },
      { action: 'remove' },
    );
  };

  const add = () =>
    submit.run(
      async () => {
        if (!relation) return;
        const res = await api('healthAddFamily', {
          body: { name: name.trim(), idNumber, relation, consentVersion: consentVersion(consent) },
          quiet: true,
        });
        if (res.verification) return submit.setProblem(res.verification.message);
        void Taro.showToast({ title: strings.added, icon: 'success' });
        setName('');
        setIdNumber('');
        setConsent(false);
        reload();
      },
      {
        action: 'add',
        check: () =>
          name.trim().length < 2
            ? strings.needName
            : (residentIdProblem(idNumber) ?? (relation ? '' : strings.needRelation)),
      },
    );

  return (
    <Page className="family">
      <Text className="muted">
        {strings.intro}
        {strings.limit}
      </Text>
      <Text className="section-title">{strings.listTitle}</Text>
      <List
        state={household}
        items={family}
        title={strings.loadError}
        card
        empty={<EmptyState glyph="家" title={strings.empty} />}
      >
        {(r) => (
          <View key={r.residentId} className="row row--stack">
            <Text>
              {RELATION_LABELS[r.relation]} {r.maskedName} · {COLOUR_LABELS[r.status.colour]}
            </Text>
            <Text className="muted">{r.idMasked}</Text>
            <Text
              className="link"
              onClick={() => void Taro.navigateTo({ url: `/health/pages/declare/index?residentId=${r.residentId}` })}
            >
              {strings.declare} ›
            </Text>
            <Text className="link" onClick={() => void remove(r.residentId, r.maskedName)}>
              {strings.remove}
            </Text>
          </View>
        )}
      </List>
      <Text className="section-title">{strings.addTitle}</Text>
      <View className="card">
        <Field label={strings.name} value={name} onChange={setName} />
        <Field label={strings.idNumber} type="idcard" maxlength={18} value={idNumber} onChange={setIdNumber} />
        <Field label={strings.relation}>
          <Chips options={RELATION_CHOICES} value={relation} onChange={setRelation} />
        </Field>
        <Consent checked={consent} onChange={setConsent} text={strings.consent} />
        <FieldError>{submit.problem}</FieldError>
      </View>
      <SubmitButton busy={submit.action === 'add'} onClick={add}>
        {strings.submit}
      </SubmitButton>
    </Page>
  );
}
