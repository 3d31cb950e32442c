import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Page from '@/components/Page';
import { api, errorMessage } from '@/api';
import { revalidate } from '@/hooks/useApi';
import '@/pages/bills/shared.css';
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

const ACCOUNT = /^[0-9A-Za-z-]{6,20}$/;

export default function LinkAccountPage() {
  const [accountNo, setAccountNo] = useState('');
  const [holderName, setHolderName] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit() {
    const no = accountNo.trim();
    const name = holderName.trim();
    const issue = !ACCOUNT.test(no) ? strings.needAccount : !name ? strings.needHolder : '';
    setProblem(issue);
    if (issue || busy) return;
    setBusy(true);
    try {
      const { account } = await api('linkAccount', { body: { accountNo: no, holderName: name }, quiet: true });
      void Taro.showToast({ title: strings.done(account.holderMasked), icon: 'success' });
      revalidate('utilityOverview');
      setTimeout(() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/bills/index' })), 800);
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page>
      <View className="card">
        <Text className="ut-sub link__intro">{strings.intro}</Text>
        <Text className="form-label">{strings.accountNo}</Text>
        <Input
          className="form-input link__account"
          type="text"
          value={accountNo}
          placeholder={strings.accountNoPlaceholder}
          onInput={(e) => setAccountNo(e.detail.value)}
        />
        <Text className="form-label">{strings.holder}</Text>
        <Input
          className="form-input link__holder"
          value={holderName}
          placeholder={strings.holderPlaceholder}
          onInput={(e) => setHolderName(e.detail.value)}
        />
        {problem && <Text className="ut-problem">{problem}</Text>}
        <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={submit}>
          {busy ? strings.working : strings.submit}
        </Button>
        <Text className="ut-sub link__privacy">{strings.privacy}</Text>
      </View>
    </Page>
  );
}
