import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AccountView } from '@citycare/contract';
import List from '@/components/List';
import NavRow from '@/components/NavRow';
import Page from '@/components/Page';
import { EmptyState, InlineError, NotLoadedPage } from '@/components/StateView';
import { useApi, useReloadOnReturn } from '@/hooks/useApi';
import ReliefParts from './ReliefParts';
import { dateText, KIND_LABELS, lastDay, yuan } from './shared';
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
  noArrears: '无欠费',
  account: '户号',
  protectedUntil: (d: string) => `受保护至 ${d}`,
  off: '已停供',
  loadError: '无法加载缴费信息',
};

const LINK_URL = '/bills/pages/link/index';
const RELIEF_URL = '/bills/pages/relief/index';
const REPAIR_URL = '/bills/pages/repair/index';
const accountUrl = (no: string) => `/bills/pages/account/index?accountNo=${encodeURIComponent(no)}`;

function AccountRow({ account }: { account: AccountView }) {
  const due = account.arrearsFen > 0;
  return (
    <NavRow
      url={accountUrl(account.accountNo)}
      className="row bills__account"
      start={<View className={`glyph glyph--round bills__glyph--${account.kind}`}>{KIND_LABELS[account.kind]}</View>}
      title={account.companyName}
      end={
        <>
          <Text className={`amount${due ? ' amount--due' : ''}`}>
            {due ? `¥${yuan(account.arrearsFen)}` : strings.noArrears}
          </Text>
          <Text className="arrow">›</Text>
        </>
      }
    >
      <Text className="muted">
        {strings.account} {account.accountNo} · {account.holderMasked}
      </Text>
      <View>
        {account.protectedNow && account.protectedUntil && (
          <Text className="tag tag--green">{strings.protectedUntil(lastDay(account.protectedUntil))}</Text>
        )}
        {account.supply === 'off' && <Text className="tag tag--red">{strings.off}</Text>}
      </View>
    </NavRow>
  );
}

export default function BillsPage() {
  const state = useApi('utilityOverview');
  useReloadOnReturn(state.reload);
  const data = state.data;
  if (!data) return <NotLoadedPage state={state} title={strings.loadError} />;
  const { window: w, accounts, relief } = data;
  const covered = new Set(relief?.parts.flatMap((p) => (p.status === 'rejected' ? [] : p.accountNos)) ?? []);
  const uncovered = accounts.some((a) => !covered.has(a.accountNo));
  const canApply = accounts.length > 0 && (!relief || uncovered || relief.parts.some((p) => p.status === 'rejected'));

  return (
    <Page className="bills">
      {state.error !== undefined && !state.loading && <InlineError error={state.error} onRetry={state.reload} />}
      <View className="card banner banner--orange">
        <Text className="banner__title">{strings.bannerTitle}</Text>
        <Text className="banner__text">
          {strings.bannerWindow(dateText(w.startDate), dateText(w.endDate), w.graceDays)}
        </Text>
        <Text className="muted bills__banner-note">{w.open ? strings.bannerOpen : strings.bannerClosed}</Text>
      </View>

      {relief && <ReliefParts relief={relief} title={strings.reliefTitle} until={strings.protectedUntil} />}
      {canApply && (
        <Button className="btn bills__apply" onClick={() => void Taro.navigateTo({ url: RELIEF_URL })}>
          {relief ? strings.applyMore : strings.apply}
        </Button>
      )}

      <Text className="section-title">{strings.accountsTitle}</Text>
      <List
        items={accounts}
        card
        empty={<EmptyState glyph="户" title={strings.noAccounts} description={strings.noAccountsDesc} />}
      >
        {(a) => <AccountRow key={a.accountNo} account={a} />}
      </List>
      <View className="bills__links">
        <Button className="btn btn--plain" onClick={() => void Taro.navigateTo({ url: LINK_URL })}>
          {strings.link}
        </Button>
        <Button className="btn btn--plain" onClick={() => void Taro.navigateTo({ url: REPAIR_URL })}>
          {strings.repair}
        </Button>
      </View>
    </Page>
  );
}
