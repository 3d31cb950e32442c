import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { BillView } from '@citycare/contract';
import Page from '@/components/Page';
import { CashierHost } from '@/components/cashier';
import { EmptyState, NotLoaded } from '@/components/StateView';
import { api, ApiError } from '@/api';
import { revalidate, useApi } from '@/hooks/useApi';
import { dateText, lastDay, monthText, routeParam, yuan } from '@/pages/bills/shared';
import { payBills, paymentStatus } from './pay';
import '@/pages/bills/shared.css';
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
    <View className="ut-row">
      <View className="ut-row__main">
        <Text className="ut-title">{monthText(bill.month)}</Text>
        <Text className="ut-sub">{strings.due(dateText(bill.dueDate))}</Text>
        <View>
          <Text className={`ut-tag ${bill.paid ? 'ut-tag--green' : 'ut-tag--orange'}`}>
            {bill.paid ? strings.paid : strings.unpaid}
          </Text>
          {bill.paying && <Text className="ut-tag ut-tag--blue">{strings.paying}</Text>}
          {bill.lateFeeWaived && <Text className="ut-tag ut-tag--blue">{strings.waived}</Text>}
          {bill.lateFeeFen > 0 && <Text className="ut-tag ut-tag--red">{strings.lateFee(yuan(bill.lateFeeFen))}</Text>}
        </View>
      </View>
      <Text className={`ut-amount${bill.paid ? '' : ' ut-amount--due'}`}>¥{yuan(bill.amountFen)}</Text>
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
  if (!data) {
    return (
      <Page>
        <NotLoaded state={state} title={strings.loadError} />
      </Page>
    );
  }
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
    const { confirm } = await Taro.showModal({ title: strings.unlink, content: strings.unlinkConfirm });
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
        <Text className="ut-sub">
          {account.companyName} · {account.accountNo}
        </Text>
        <Text className="ut-sub acct__label">{strings.arrears}</Text>
        <Text className={`acct__arrears${account.arrearsFen > 0 ? ' ut-amount--due' : ''}`}>
          ¥{yuan(account.arrearsFen)}
        </Text>
        <Text className="ut-sub">
          {strings.holder}：{account.holderMasked}
        </Text>
        <Text className="ut-sub">
          {strings.address}：{account.address}
        </Text>
        {account.balanceFen > 0 && (
          <Text className="ut-sub">
            {strings.balance}：¥{yuan(account.balanceFen)}
          </Text>
        )}
      </View>
      {account.protectedNow && account.protectedUntil && (
        <Text className="ut-notice ut-notice--green acct__notice">
          {strings.protectedUntil(lastDay(account.protectedUntil))}
        </Text>
      )}
      {account.supply === 'off' && <Text className="ut-notice ut-notice--red acct__notice">{strings.off}</Text>}

      <Text className="section-title">{strings.billsTitle}</Text>
      {bills.length === 0 ? (
        <EmptyState glyph="单" title={strings.noBills} />
      ) : (
        <View className="card">
          {bills.map((b) => (
            <BillRow key={b.billId} bill={b} />
          ))}
        </View>
      )}
      {unconfirmed && (
        <View className="acct__pending">
          <Text className="ut-notice ut-notice--orange">{strings.pendingNotice}</Text>
          <Button className={`btn btn--plain${busy ? ' btn--busy' : ''}`} onClick={checkAgain}>
            {busy ? strings.checking : strings.checkAgain}
          </Button>
        </View>
      )}
      {!unconfirmed && unpaid.length > 0 && (
        <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={pay}>
          {busy ? strings.working : strings.pay(yuan(total))}
        </Button>
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
