import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { KeptItem } from '@citycare/contract';
import { Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api, signOut } from '@/api';

const strings = {
  title: '注销',
  intro: '注销后，您和代办家人的个人信息会立即删除，无法恢复。下面这些按法律要求保留，到期自动删除：',
  days: (n: number) => `保留 ${n} 天`,
  confirm: '确认注销',
  confirmHint: '请输入“注销”两个字',
  health: '注销健康码（删除健康码登记、家人、申报和扫码记录）',
  all: '注销全部服务并删除账号',
  busy: '正在注销…',
  healthDone: '健康码已注销',
  sure: '确定注销吗？',
  sureHealth: '您和家人的健康码、申报和扫码记录将立即删除。',
  sureAll: '您在营口市民服务的全部信息将立即删除，并退出登录。',
};

type Scope = 'health' | 'all';

/** 注销 from the health code or from CityCare: what stays and for how long, a typed confirmation, then the request. */
export default function Deregister({ kept, onDone }: { kept: KeptItem[]; onDone: () => void }) {
  const [typed, setTyped] = useState('');
  const submit = useSubmit<Scope>();

  const run = (scope: Scope) =>
    submit.run(
      async () => {
        const { confirm } = await Taro.showModal({
          title: strings.sure,
          content: scope === 'all' ? strings.sureAll : strings.sureHealth,
        });
        if (!confirm) return;
        await api('privacyDeregister', { body: { scope, confirm: typed.trim() as '注销' }, quiet: true });
        if (scope === 'all') return signOut();
        setTyped('');
        void Taro.showToast({ title: strings.healthDone, icon: 'success' });
        onDone();
      },
      { action: scope, check: () => (typed.trim() === '注销' ? '' : strings.confirmHint) },
    );

  return (
    <>
      <Text className="section-title">{strings.title}</Text>
      <View className="card">
        <Notice tone="warn">{strings.intro}</Notice>
        {kept.map((k) => (
          <View className="row row--stack data__kept" key={k.what}>
            <Text>{k.what}</Text>
            <Text className="muted">
              {strings.days(k.days)}：{k.why}
            </Text>
          </View>
        ))}
        <Field label={strings.confirm} hint={strings.confirmHint} name="confirm" value={typed} onChange={setTyped} />
        <FieldError>{submit.problem}</FieldError>
      </View>
      <SubmitButton
        tone="danger"
        busy={submit.action === 'health'}
        busyText={strings.busy}
        onClick={() => run('health')}
      >
        {strings.health}
      </SubmitButton>
      <SubmitButton tone="danger" busy={submit.action === 'all'} busyText={strings.busy} onClick={() => run('all')}>
        {strings.all}
      </SubmitButton>
    </>
  );
}
