import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Page from '@/components/Page';
import { CashierHost } from '@/components/cashier';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { ApiError } from '@/api';
import { useApi } from '@/hooks/useApi';
import { Notice } from '@/components/form';
import { useMe } from '@/hooks/useMe';
import { scopeName, scopesOf } from '@/lib/roles';
import { KIND_NAMES, yuan } from '@/pages/bills/shared';
import { paymentStatus, payQuote, quoteFor, type Quote } from './pay';
import QuoteCard from './QuoteCard';
import { unavailable } from '@/lib/a11y';
import './index.css';

/** The contract's BULK_PAY_MAX (read from there, the contract would bring zod into this page). */
const MAX_HOUSEHOLDS = 20;

const strings = {
  title: (c: string) => `${c} 欠费住户`,
  intro: '为不方便在手机上缴费的住户代缴。勾选住户，核对金额后用微信支付一次付清。',
  loadError: '无法加载欠费名单',
  noRole: '您还不是社区工作者',
  empty: '本社区目前没有欠费的住户',
  emptyDesc: '有住户欠费时会列在这里。',
  arrears: (y: string) => `欠费 ¥${y}`,
  selected: (n: number, y: string) => `已选 ${n} 户，欠费 ¥${y}`,
  none: '请勾选要代缴的住户',
  quote: '核对金额（含滞纳金）',
  quoting: '正在核对…',
  tooMany: `一次最多代缴 ${MAX_HOUSEHOLDS} 户`,
  paidToast: '代缴成功',
  cancelledToast: '已取消支付，没有扣款',
  pendingNotice: '支付结果确认中…以微信支付的通知为准，确认后这些住户会从欠费名单中移除。',
  checkAgain: '刷新支付结果',
  checking: '正在查询…',
};

function BulkPay({ community }: { community: string }) {
  const state = useApi('communityArrears', { params: { community } });
  const [chosen, setChosen] = useState<string[]>([]);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [busy, setBusy] = useState(false);
  /** A payment made in the cashier that WeChat Pay has not confirmed yet. */
  const [unconfirmed, setUnconfirmed] = useState<string | null>(null);

  const accounts = state.data?.accounts;
  const picked = (accounts ?? []).filter((a) => chosen.includes(a.accountNo));
  const pickedArrears = picked.reduce((s, a) => s + a.arrearsFen, 0);

  function toggle(accountNo: string) {
    if (chosen.includes(accountNo)) setChosen(chosen.filter((n) => n !== accountNo));
    else if (chosen.length >= MAX_HOUSEHOLDS) void Taro.showToast({ title: strings.tooMany, icon: 'none' });
    else setChosen([...chosen, accountNo]);
  }

  /** Runs one action; a refusal because the bills changed (409) sends the worker back to a fresh list. */
  async function run(action: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    try {
      await action();
    } catch (err) {
      // The adapter has shown an API error; anything else is said here.
      if (!(err instanceof ApiError)) void Taro.showToast({ title: (err as Error).message, icon: 'none' });
      else if (err.status === 409) {
        setQuote(null);
        state.reload();
      }
    } finally {
      setBusy(false);
    }
  }

  const check = () =>
    run(async () =>
      setQuote(
        await quoteFor(
          community,
          picked.map((a) => a.accountNo),
        ),
      ),
    );

  const pay = () =>
    run(async () => {
      if (!quote) return;
      const { paymentId, result } = await payQuote(community, quote);
      if (result === 'cancelled') return void Taro.showToast({ title: strings.cancelledToast, icon: 'none' });
      if (result === 'paid') void Taro.showToast({ title: strings.paidToast, icon: 'success' });
      setUnconfirmed(result === 'pending' ? paymentId : null);
      setQuote(null);
      setChosen([]);
      state.reload();
    });

  const checkAgain = () =>
    run(async () => {
      if (!unconfirmed) return;
      const status = await paymentStatus(unconfirmed);
      if (status !== 'pending') setUnconfirmed(null);
      if (status === 'paid') void Taro.showToast({ title: strings.paidToast, icon: 'success' });
      state.reload();
    });

  if (quote) {
    return <QuoteCard quote={quote} busy={busy} onPay={pay} onBack={() => setQuote(null)} />;
  }
  return (
    <>
      <Text className="section-title">{strings.title(scopeName(community))}</Text>
      <Text className="muted bulk__intro">{strings.intro}</Text>
      {unconfirmed && (
        <View className="bulk__pending">
          <Notice tone="warn">{strings.pendingNotice}</Notice>
          <Button className={`btn btn--plain${busy ? ' btn--busy' : ''}`} onClick={checkAgain} {...unavailable(busy)}>
            {busy ? strings.checking : strings.checkAgain}
          </Button>
        </View>
      )}
      {!accounts && state.loading && <Loading />}
      {!accounts && !state.loading && (
        <ErrorState title={strings.loadError} error={state.error} onRetry={state.reload} />
      )}
      {accounts && accounts.length === 0 && (
        <EmptyState glyph="缴" title={strings.empty} description={strings.emptyDesc} />
      )}
      {accounts && accounts.length > 0 && (
        <>
          <View className="card">
            {accounts.map((a) => {
              const on = chosen.includes(a.accountNo);
              return (
                <View
                  className="bulk__row"
                  key={a.accountNo}
                  hoverClass="tap-active"
                  onClick={() => toggle(a.accountNo)}
                >
                  <View className={`bulk__box${on ? ' bulk__box--on' : ''}`}>{on ? '✓' : ''}</View>
                  <View className="row__main">
                    <Text className="title">
                      {a.holderMasked} · {KIND_NAMES[a.kind]}
                    </Text>
                    <Text className="muted">{a.address}</Text>
                    <Text className="muted">
                      {a.companyName} · {a.accountNo}
                    </Text>
                    <Text className="bulk__due">{strings.arrears(yuan(a.arrearsFen))}</Text>
                  </View>
                </View>
              );
            })}
          </View>
          <View className="card bulk__bar">
            <Text className="bulk__bar-text">
              {picked.length ? strings.selected(picked.length, yuan(pickedArrears)) : strings.none}
            </Text>
          </View>
          {picked.length > 0 && (
            <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={check} {...unavailable(busy)}>
              {busy ? strings.quoting : strings.quote}
            </Button>
          )}
        </>
      )}
    </>
  );
}

/** A community worker pays the arrears of chosen households of their community in one WeChat Pay order. */
export default function WorkerBulkPayPage() {
  const me = useMe();
  const community = me.data ? (scopesOf(me.data.roles, 'worker')[0] ?? '') : '';
  return (
    <Page className="bulk">
      {!me.data && me.loading && <Loading />}
      {!me.data && !me.loading && <ErrorState title={strings.loadError} error={me.error} onRetry={me.reload} />}
      {me.data && !community && <EmptyState glyph="社" title={strings.noRole} />}
      {community && <BulkPay key={community} community={community} />}
      <CashierHost />
    </Page>
  );
}
