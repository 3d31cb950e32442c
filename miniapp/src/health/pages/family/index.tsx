import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { Relation } from '@citycare/contract';
import { COLOUR_LABELS, RELATION_LABELS } from '@citycare/contract/src/health-labels';
import { residentIdProblem } from '@citycare/contract/src/health-id';
import Page from '@/components/Page';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { api, errorMessage } from '@/api';
import { useKeyed } from '@/hooks/useApi';
import '@/pages/health/forms.css';
import './index.css';

const strings = {
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
const loadHousehold = () => api('healthHousehold', { quiet: true }).then((r) => r.residents);

export default function FamilyPage() {
  const household = useKeyed(['healthHousehold', null, 'residents'], loadHousehold);
  const reload = household.reload;
  // Fresh on return from another page; the first show is the mount's own load (no double request).
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else reload();
  });
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [relation, setRelation] = useState<Exclude<Relation, 'self'>>();
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const family = (household.data ?? []).filter((r) => r.relation !== 'self');

  const remove = async (residentId: string, maskedName: string) => {
    const { confirm } = await Taro.showModal({
      title: strings.removeTitle,
      content: strings.removeConfirm(maskedName),
    });
    if (!confirm) return;
    try {
      await api('healthRemoveFamily', { params: { residentId }, quiet: true });
      void Taro.showToast({ title: strings.removed, icon: 'success' });
      reload();
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };

  const submit = async () => {
    const found =
      name.trim().length < 2
        ? strings.needName
        : (residentIdProblem(idNumber) ?? (relation ? '' : strings.needRelation));
    setProblem(found);
    if (found || busy || !relation) return;
    setBusy(true);
    try {
      const res = await api('healthAddFamily', { body: { name: name.trim(), idNumber, relation }, quiet: true });
      if (res.verification) return setProblem(res.verification.message);
      void Taro.showToast({ title: strings.added, icon: 'success' });
      setName('');
      setIdNumber('');
      reload();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className="family">
      <Text className="muted">
        {strings.intro}
        {strings.limit}
      </Text>
      <Text className="section-title">{strings.listTitle}</Text>
      {household.loading && !household.data && <Loading />}
      {household.error !== undefined && !household.data && (
        <ErrorState title={strings.loadError} error={household.error} onRetry={reload} />
      )}
      {household.data && family.length === 0 && <EmptyState glyph="家" title={strings.empty} />}
      {family.length > 0 && (
        <View className="card">
          {family.map((r) => (
            <View key={r.residentId} className="list-row">
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
          ))}
        </View>
      )}
      <Text className="section-title">{strings.addTitle}</Text>
      <View className="card">
        <View className="field">
          <Text className="field__label">{strings.name}</Text>
          <Input className="field__input" value={name} onInput={(e) => setName(e.detail.value)} />
        </View>
        <View className="field">
          <Text className="field__label">{strings.idNumber}</Text>
          <Input
            className="field__input"
            type="idcard"
            maxlength={18}
            value={idNumber}
            onInput={(e) => setIdNumber(e.detail.value)}
          />
        </View>
        <View className="field">
          <Text className="field__label">{strings.relation}</Text>
          <View className="chips">
            {RELATIONS.map((r) => (
              <Text key={r} className={`chip ${relation === r ? 'chip--on' : ''}`} onClick={() => setRelation(r)}>
                {RELATION_LABELS[r]}
              </Text>
            ))}
          </View>
        </View>
        {problem && <Text className="field__error">{problem}</Text>}
      </View>
      <Button className={`btn ${busy ? 'btn--busy' : ''}`} onClick={() => void submit()}>
        {strings.submit}
      </Button>
    </Page>
  );
}
