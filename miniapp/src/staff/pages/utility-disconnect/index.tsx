import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ResponseBody } from '@citycare/contract';
import Page from '@/components/Page';
import { api, ApiError, errorMessage } from '@/api';
import { lastDay, shanghaiTime, yuan } from '@/pages/bills/shared';
import { CompanyGate, CompanyHeader, useCompany } from '../utility-desk/company';
import '@/pages/bills/shared.css';
import './index.css';

const strings = {
  accountNo: '户号',
  accountPlaceholder: '输入要查询的户号',
  lookup: '查询',
  looking: '正在查询…',
  supplyOn: '正常供应',
  supplyOff: '已停供',
  arrears: (y: string) => `欠费 ¥${y}`,
  protected: (d: string) => `已获批缓缴，保护至 ${d}，不得停供`,
  reason: '停供原因',
  reasonPlaceholder: '如：欠费超过三个月，多次催缴无果',
  needReason: '请填写停供原因',
  disconnect: '执行停供',
  working: '正在提交…',
  refused: '系统拒绝停供',
  done: '已停供，操作已记录',
  attemptsTitle: '停供操作记录',
  outcome: { disconnected: '已停供', refused: '被拒绝' },
  holder: '户主',
};

type Detail = ResponseBody<'staffAccount'>;

export default function DisconnectPage() {
  const gate = useCompany();
  const company = gate.company ?? '';
  const [accountNo, setAccountNo] = useState('');
  const [reason, setReason] = useState('');
  const [detail, setDetail] = useState<Detail | null>(null);
  const [message, setMessage] = useState<{ tone: 'red' | 'green'; text: string } | null>(null);
  const [busy, setBusy] = useState<'lookup' | 'cut' | null>(null);

  async function lookup(no = accountNo.trim()) {
    if (!no || busy) return;
    setBusy('lookup');
    try {
      setDetail(await api('staffAccount', { params: { company, accountNo: no } }));
    } catch {
      setDetail(null);
    } finally {
      setBusy(null);
    }
  }

  async function cut() {
    if (!detail || busy) return;
    if (reason.trim().length < 2) {
      setMessage({ tone: 'red', text: strings.needReason });
      return;
    }
    setBusy('cut');
    setMessage(null);
    const no = detail.account.accountNo;
    try {
      await api('disconnectAccount', {
        params: { company, accountNo: no },
        body: { reason: reason.trim() },
        quiet: true,
      });
      setMessage({ tone: 'green', text: strings.done });
    } catch (err) {
      const refused = err instanceof ApiError && err.code === 'ACCOUNT_PROTECTED';
      setMessage({ tone: 'red', text: refused ? `${strings.refused}：${err.message}` : errorMessage(err) });
    } finally {
      setBusy(null);
    }
    await lookup(no);
  }

  const a = detail?.account;
  return (
    <CompanyGate {...gate}>
      <Page>
        <CompanyHeader name={gate.name} />
        <View className="card">
          <Text className="form-label">{strings.accountNo}</Text>
          <Input
            className="form-input cut__account"
            value={accountNo}
            placeholder={strings.accountPlaceholder}
            onInput={(e) => setAccountNo(e.detail.value)}
          />
          <Button className={`btn btn--plain${busy ? ' btn--busy' : ''}`} onClick={() => lookup()}>
            {busy === 'lookup' ? strings.looking : strings.lookup}
          </Button>
        </View>
        {message && <Text className={`ut-notice ut-notice--${message.tone} cut__message`}>{message.text}</Text>}
        {a && detail && (
          <>
            <View className="card">
              <Text className="ut-title">{a.accountNo}</Text>
              <Text className="ut-sub">
                {strings.holder}：{a.holderMasked} · {a.address}
              </Text>
              <Text className={`ut-tag ${a.supply === 'on' ? 'ut-tag--green' : 'ut-tag--red'}`}>
                {a.supply === 'on' ? strings.supplyOn : strings.supplyOff}
              </Text>
              <Text className="ut-tag ut-tag--orange">{strings.arrears(yuan(a.arrearsFen))}</Text>
              {a.protectedNow && a.protectedUntil && (
                <Text className="ut-notice ut-notice--green cut__protected">
                  {strings.protected(lastDay(a.protectedUntil))}
                </Text>
              )}
            </View>
            {a.supply === 'on' && (
              <View className="card">
                <Text className="form-label">{strings.reason}</Text>
                <Input
                  className="form-input cut__reason"
                  value={reason}
                  placeholder={strings.reasonPlaceholder}
                  onInput={(e) => setReason(e.detail.value)}
                />
                <Button className={`btn btn--danger${busy ? ' btn--busy' : ''}`} onClick={cut}>
                  {busy === 'cut' ? strings.working : strings.disconnect}
                </Button>
              </View>
            )}
            {detail.attempts.length > 0 && (
              <View className="card">
                <Text className="ut-title">{strings.attemptsTitle}</Text>
                {detail.attempts.map((t) => (
                  <View className="ut-row" key={t.at + t.outcome}>
                    <View className="ut-row__main">
                      <Text className="ut-sub">{shanghaiTime(t.at)}</Text>
                      <Text className="ut-sub">{t.reason}</Text>
                    </View>
                    <Text className={`ut-tag ${t.outcome === 'refused' ? 'ut-tag--green' : 'ut-tag--red'}`}>
                      {strings.outcome[t.outcome]}
                    </Text>
                  </View>
                ))}
              </View>
            )}
          </>
        )}
      </Page>
    </CompanyGate>
  );
}
