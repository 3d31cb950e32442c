import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Page from '@/components/Page';
import { Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { revalidate } from '@/hooks/useApi';
import './index.css';

const strings = {
  intro: '请填写缴费单或营业厅发票上的户号和户主姓名，核对无误后即可绑定。',
  accountNo: '户号',
  accountNoPlaceholder: '如 0101234567',
  holder: '户主姓名',
  holderPlaceholder: '与缴费单上一致',
  submit: '绑定',
  working: '正在核对…',
  needAccount: '请填写户号（6 到 20 位数字或字母）',
  needHolder: '请填写户主姓名',
  done: (masked: string) => `已绑定 ${masked} 的户号`,
  privacy: '户主姓名只用于核对，页面上只显示部分姓名。',
};

const FIELDS = {
  accountNo: { label: strings.accountNo, className: 'link__account', placeholder: strings.accountNoPlaceholder },
  holder: { label: strings.holder, className: 'link__holder', placeholder: strings.holderPlaceholder },
} as const;

const ACCOUNT = /^[0-9A-Za-z-]{6,20}$/;

export default function LinkAccountPage() {
  const [accountNo, setAccountNo] = useState('');
  const [holderName, setHolderName] = useState('');
  const submit = useSubmit();

  const send = () => {
    const no = accountNo.trim();
    const name = holderName.trim();
    return submit.run(
      async () => {
        const { account } = await api('linkAccount', { body: { accountNo: no, holderName: name }, quiet: true });
        void Taro.showToast({ title: strings.done(account.holderMasked), icon: 'success' });
        revalidate('utilityOverview');
        setTimeout(() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/bills/index' })), 800);
      },
      { check: () => (!ACCOUNT.test(no) ? strings.needAccount : !name ? strings.needHolder : '') },
    );
  };

  return (
    <Page>
      <View className="card">
        <Text className="muted link__intro">{strings.intro}</Text>
        <Field {...FIELDS.accountNo} type="text" value={accountNo} onChange={setAccountNo} />
        <Field {...FIELDS.holder} value={holderName} onChange={setHolderName} />
        <FieldError>{submit.problem}</FieldError>
        <SubmitButton busy={submit.busy} busyText={strings.working} onClick={send}>
          {strings.submit}
        </SubmitButton>
        <Text className="muted link__privacy">{strings.privacy}</Text>
      </View>
    </Page>
  );
}
