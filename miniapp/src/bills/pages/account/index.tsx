import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { BillView } from '@citycare/contract';
import Page from '@/components/Page';
import { CashierHost } from '@/components/cashier';
import List from '@/components/List';
import { EmptyState, NotLoadedPage } from '@/components/StateView';
import { Notice, SubmitButton } from '@/components/form';
import { api, ApiError } from '@/api';
import { revalidate, useApi } from '@/hooks/useApi';
import { dateText, lastDay, monthText, routeParam, yuan } from '@/pages/bills/shared';
import { payBills, paymentStatus } from './pay';
import { DIALOG_COLOURS } from '@/lib/a11y';
import './index.css';

const strings = {
  loadError: '无法加载户号信息',
  arrears: '当前欠费',
  balance: '预存余额',
  holder: '户主',
  address: '地址',
  protectedUntil: (d: string) => `已获批缓缴，${d} 前不会停供`,
  off: '该户目前停供，如有困难请申请缓缴或拨打 12345',
  billsTitle: '账单',
  noBills: '还没有账单',
  due: (d: string) => `缴费截止 ${d}`,
  paid: '已缴',
  unpaid: '未缴',
  paying: '支付中',
  lateFee: (y: string) => `滞纳金 ¥${y}`,
  waived: '滞纳金已减免',
  pay: (y: string) => `缴纳全部欠费 ¥${y}`,
  working: '正在缴费…',
  payConfirmTitle: '确认缴费',
  payConfirm: (y: string) => `将通过微信支付 ¥${y}（含滞纳金），确定吗？`,
  paidToast: '缴费成功',
  cancelledToast: '已取消支付，没有扣款',
  pendingNotice: '支付结果确认中…以微信支付的通知为准，确认后账单会显示“已缴”。',
  checkAgain: '刷新支付结果',
  checking: '正在查询…',
  plan: '办理分期缴费',
  planView: '查看分期计划',
  unlink: '解除绑定',
  unlinkConfirm: '解除后将不再显示该户号的账单，确定吗？',
};

function BillRow({ bill }: { bill: BillView }) {
  return (
    <View className="row">
      <View className="row__main">
        <Text className="title">{monthText(bill.month)}</Text>
        <Text className="muted">{strings.due(dateText(bill.dueDate))}</Text>
        <View>
          <Text className={`tag ${bill.paid ? 'tag--green' : 'tag--orange'}`}>
            {bill.paid ? strings.paid : strings.unpaid}
          </Text>
          {bill.paying && <Text className="tag">{strings.paying}</Text>}
          {bill.lateFeeWaived && <Text className="tag">{strings.waived}</Text>}
          {bill.lateFeeFen > 0 && <Text className="tag tag--red">{strings.lateFee(yuan(bill.lateFeeFen))}</Text>}
        </View>
      </View>
      <Text className={`amount${bill.paid ? '' : ' amount--due'}`}>¥{yuan(bill.amountFen)}</Text>
    </View>
  );
}

export default function AccountPage() {
  const accountNo = routeParam(useRouter().params, 'accountNo');
  const state = useApi('utilityAccount', { params: { accountNo } });
  const [busy, setBusy] = useState(false);
  /** A payment made in the cashier that WeChat Pay has not confirmed yet. */
  const [unconfirmed, setUnconfirmed] = useState<string | null>(null);

  const data = state.data;
  if (!data) return <NotLoadedPage state={state} title={strings.loadError} />;
  const { account, bills, plan, planEligibility } = data;
  const unpaid = bills.filter((b) => !b.paid);
  const total = unpaid.reduce((s, b) => s + b.amountFen + b.lateFeeFen, 0);

  function refresh() {
    state.reload();
    revalidate('utilityOverview');
  }

  async function pay() {
    if (busy || !unpaid.length) return;
    const { confirm } = await Taro.showModal({
      ...DIALOG_COLOURS,
      title: strings.payConfirmTitle,
      content: strings.payConfirm(yuan(total)),
    });
    if (!confirm) return;
    setBusy(true);
    try {
      const { paymentId, result } = await payBills(account, unpaid);
      setUnconfirmed(result === 'pending' ? paymentId : null);
      if (result === 'paid') void Taro.showToast({ title: strings.paidToast, icon: 'success' });
      if (result === 'cancelled') void Taro.showToast({ title: strings.cancelledToast, icon: 'none' });
      refresh();
    } catch (err) {
      // The adapter has shown an API error; anything else is said here.
      if (!(err instanceof ApiError)) void Taro.showToast({ title: (err as Error).message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  async function checkAgain() {
    if (busy || !unconfirmed) return;
    setBusy(true);
    try {
      const status = await paymentStatus(unconfirmed);
      if (status !== 'pending') setUnconfirmed(null);
      if (status === 'paid') void Taro.showToast({ title: strings.paidToast, icon: 'success' });
      refresh();
    } catch {
      // shown by the adapter
    } finally {
      setBusy(false);
    }
  }

  async function unlink() {
    const { confirm } = await Taro.showModal({
      ...DIALOG_COLOURS,
      title: strings.unlink,
      content: strings.unlinkConfirm,
    });
    if (!confirm) return;
    try {
      await api('unlinkAccount', { params: { accountNo } });
      revalidate('utilityOverview');
      Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/bills/index' }));
    } catch {
      // shown by the adapter
    }
  }

  return (
    <Page className="acct">
      <View className="card">
        <Text className="muted">
          {account.companyName} · {account.accountNo}
        </Text>
        <Text className="muted acct__label">{strings.arrears}</Text>
        <Text className={`acct__arrears${account.arrearsFen > 0 ? ' amount--due' : ''}`}>
          ¥{yuan(account.arrearsFen)}
        </Text>
        <Text className="muted">
          {strings.holder}：{account.holderMasked}
        </Text>
        <Text className="muted">
          {strings.address}：{account.address}
        </Text>
        {account.balanceFen > 0 && (
          <Text className="muted">
            {strings.balance}：¥{yuan(account.balanceFen)}
          </Text>
        )}
      </View>
      {account.protectedNow && account.protectedUntil && (
        <Notice tone="success">{strings.protectedUntil(lastDay(account.protectedUntil))}</Notice>
      )}
      {account.supply === 'off' && <Notice tone="error">{strings.off}</Notice>}

      <Text className="section-title">{strings.billsTitle}</Text>
      <List items={bills} card empty={<EmptyState glyph="单" title={strings.noBills} />}>
        {(b) => <BillRow key={b.billId} bill={b} />}
      </List>
      {unconfirmed && (
        <View className="acct__pending">
          <Notice tone="warn">{strings.pendingNotice}</Notice>
          <SubmitButton tone="plain" busy={busy} busyText={strings.checking} onClick={checkAgain}>
            {strings.checkAgain}
          </SubmitButton>
        </View>
      )}
      {!unconfirmed && unpaid.length > 0 && (
        <SubmitButton busy={busy} busyText={strings.working} onClick={pay}>
          {strings.pay(yuan(total))}
        </SubmitButton>
      )}
      {(plan || planEligibility.eligible || account.reliefApproved) && (
        <Button
          className="btn btn--plain"
          onClick={() => Taro.navigateTo({ url: `/bills/pages/plan/index?accountNo=${encodeURIComponent(accountNo)}` })}
        >
          {plan ? strings.planView : strings.plan}
        </Button>
      )}
      <Button className="btn btn--danger" onClick={unlink}>
        {strings.unlink}
      </Button>
      <CashierHost />
    </Page>
  );
}
