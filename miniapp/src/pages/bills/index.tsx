import { useRef } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { AccountView, ReliefApplication } from '@citycare/contract';
import Page from '@/components/Page';
import { EmptyState, InlineError, NotLoaded } from '@/components/StateView';
import { useApi } from '@/hooks/useApi';
import { dateText, KIND_LABELS, lastDay, yuan } from './shared';
import './shared.css';
import './index.css';

const strings = {
  bannerTitle: '疫情期间 欠费不停供',
  bannerWindow: (start: string, end: string, grace: number) =>
    `缓缴期：${start} 至 ${end}，期满后另有 ${grace} 天宽限期。期间欠费不停水、不停电、不停气、不停暖。`,
  bannerOpen: '缓缴期内申请，符合条件立即生效',
  bannerClosed: '当前不在缓缴期内，申请将由公用事业公司人工审核',
  accountsTitle: '我的户号',
  noAccounts: '还没有绑定户号',
  noAccountsDesc: '绑定后可查看账单、在线缴费、申请缓缴',
  link: '绑定户号',
  repair: '24小时报修',
  apply: '申请缓缴',
  applyMore: '有新绑定的户号，重新提交申请',
  reliefTitle: '缓缴申请',
  arrears: '欠费',
  noArrears: '无欠费',
  account: '户号',
  protectedUntil: (d: string) => `受保护至 ${d}`,
  off: '已停供',
  status: { pending: '审核中', approved: '已批准', rejected: '未通过' },
  loadError: '无法加载缴费信息',
};

const LINK_URL = '/bills/pages/link/index';
const RELIEF_URL = '/bills/pages/relief/index';
const REPAIR_URL = '/bills/pages/repair/index';
const accountUrl = (no: string) => `/bills/pages/account/index?accountNo=${encodeURIComponent(no)}`;

function AccountRow({ account }: { account: AccountView }) {
  return (
    <View
      className="ut-row bills__account"
      hoverClass="tap-active"
      onClick={() => Taro.navigateTo({ url: accountUrl(account.accountNo) })}
    >
      <View className={`bills__glyph bills__glyph--${account.kind}`}>{KIND_LABELS[account.kind]}</View>
      <View className="ut-row__main">
        <Text className="ut-title">{account.companyName}</Text>
        <Text className="ut-sub">
          {strings.account} {account.accountNo} · {account.holderMasked}
        </Text>
        <View>
          {account.protectedNow && account.protectedUntil && (
            <Text className="ut-tag ut-tag--green">{strings.protectedUntil(lastDay(account.protectedUntil))}</Text>
          )}
          {account.supply === 'off' && <Text className="ut-tag ut-tag--red">{strings.off}</Text>}
        </View>
      </View>
      <Text className={`ut-amount${account.arrearsFen > 0 ? ' ut-amount--due' : ''}`}>
        {account.arrearsFen > 0 ? `¥${yuan(account.arrearsFen)}` : strings.noArrears}
      </Text>
      <Text className="bills__arrow">›</Text>
    </View>
  );
}

function ReliefCard({ relief }: { relief: ReliefApplication }) {
  return (
    <View className="card">
      <Text className="ut-title">{strings.reliefTitle}</Text>
      {relief.parts.map((p) => (
        <View className="ut-row" key={p.company}>
          <View className="ut-row__main">
            <Text className="ut-sub bills__part-name">{p.companyName}</Text>
            {p.protectedUntil && p.status === 'approved' && (
              <Text className="ut-sub">{strings.protectedUntil(lastDay(p.protectedUntil))}</Text>
            )}
            {p.status === 'rejected' && p.reason && <Text className="ut-sub">{p.reason}</Text>}
          </View>
          <Text
            className={`ut-tag ${p.status === 'approved' ? 'ut-tag--green' : p.status === 'pending' ? 'ut-tag--orange' : 'ut-tag--red'}`}
          >
            {strings.status[p.status]}
          </Text>
        </View>
      ))}
    </View>
  );
}

export default function BillsPage() {
  const state = useApi('utilityOverview');
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else state.reload();
  });
  const data = state.data;
  if (!data) {
    return (
      <Page>
        <NotLoaded state={state} title={strings.loadError} />
      </Page>
    );
  }
  const { window: w, accounts, relief } = data;
  const covered = new Set(relief?.parts.flatMap((p) => (p.status === 'rejected' ? [] : p.accountNos)) ?? []);
  const uncovered = accounts.some((a) => !covered.has(a.accountNo));
  const canApply = accounts.length > 0 && (!relief || uncovered || relief.parts.some((p) => p.status === 'rejected'));

  return (
    <Page className="bills">
      {state.error !== undefined && !state.loading && <InlineError error={state.error} onRetry={state.reload} />}
      <View className="card bills__banner">
        <Text className="bills__banner-title">{strings.bannerTitle}</Text>
        <Text className="bills__banner-text">
          {strings.bannerWindow(dateText(w.startDate), dateText(w.endDate), w.graceDays)}
        </Text>
        <Text className="bills__banner-note">{w.open ? strings.bannerOpen : strings.bannerClosed}</Text>
      </View>

      {relief && <ReliefCard relief={relief} />}
      {canApply && (
        <Button className="btn bills__apply" onClick={() => Taro.navigateTo({ url: RELIEF_URL })}>
          {relief ? strings.applyMore : strings.apply}
        </Button>
      )}

      <Text className="section-title">{strings.accountsTitle}</Text>
      {accounts.length === 0 ? (
        <EmptyState glyph="户" title={strings.noAccounts} description={strings.noAccountsDesc} />
      ) : (
        <View className="card">
          {accounts.map((a) => (
            <AccountRow key={a.accountNo} account={a} />
          ))}
        </View>
      )}
      <View className="ut-actions">
        <Button className="btn btn--plain" onClick={() => Taro.navigateTo({ url: LINK_URL })}>
          {strings.link}
        </Button>
        <Button className="btn btn--plain" onClick={() => Taro.navigateTo({ url: REPAIR_URL })}>
          {strings.repair}
        </Button>
      </View>
    </Page>
  );
}
