import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ResponseBody } from '@citycare/contract';
import { Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api, ApiError } from '@/api';
import { lastDay, shanghaiTime, yuan } from '@/pages/bills/shared';
import { CompanyPage, useCompany } from '../utility-desk/company';
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

/** The refusal staff must read: a protected account is never cut. */
const describeCut = (err: unknown) =>
  err instanceof ApiError && err.code === 'ACCOUNT_PROTECTED' ? `${strings.refused}：${err.message}` : undefined;

export default function DisconnectPage() {
  const gate = useCompany();
  const company = gate.company ?? '';
  const [accountNo, setAccountNo] = useState('');
  const [reason, setReason] = useState('');
  const [detail, setDetail] = useState<Detail | null>(null);
  const finding = useSubmit();
  const cutting = useSubmit();

  const lookup = (no = accountNo.trim()) =>
    finding.run(
      async () => {
        try {
          setDetail(await api('staffAccount', { params: { company, accountNo: no }, quiet: true }));
        } catch (err) {
          setDetail(null);
          throw err;
        }
      },
      { check: () => (no ? '' : strings.accountPlaceholder) },
    );

  /** Tries the cut, then shows the account as it is now: cut, or refused and still supplied. */
  const cut = (no: string) =>
    cutting.run(
      async () => {
        try {
          await api('disconnectAccount', {
            params: { company, accountNo: no },
            body: { reason: reason.trim() },
            quiet: true,
          });
        } finally {
          await lookup(no);
        }
      },
      { check: () => (reason.trim().length < 2 ? strings.needReason : ''), describe: describeCut, done: strings.done },
    );

  const a = detail?.account;
  return (
    <CompanyPage gate={gate}>
      <View className="card">
        <Field
          label={strings.accountNo}
          className="cut__account"
          value={accountNo}
          placeholder={strings.accountPlaceholder}
          onChange={setAccountNo}
        />
        <FieldError>{finding.problem}</FieldError>
        <SubmitButton tone="plain" busy={finding.busy} busyText={strings.looking} onClick={() => lookup()}>
          {strings.lookup}
        </SubmitButton>
      </View>
      <Notice tone="error">{cutting.problem}</Notice>
      <Notice tone="success">{cutting.done}</Notice>
      {a && detail && (
        <>
          <View className="card">
            <Text className="title">{a.accountNo}</Text>
            <Text className="muted">
              {strings.holder}：{a.holderMasked} · {a.address}
            </Text>
            <Text className={`tag ${a.supply === 'on' ? 'tag--green' : 'tag--red'}`}>
              {a.supply === 'on' ? strings.supplyOn : strings.supplyOff}
            </Text>
            <Text className="tag tag--orange">{strings.arrears(yuan(a.arrearsFen))}</Text>
            {a.protectedNow && a.protectedUntil && (
              <Notice tone="success" className="cut__protected">
                {strings.protected(lastDay(a.protectedUntil))}
              </Notice>
            )}
            {detail.hold && (
              <Notice tone="info" className="cut__hold">
                {detail.hold.message}
              </Notice>
            )}
          </View>
          {a.supply === 'on' && (
            <View className="card">
              <Field
                label={strings.reason}
                required
                className="cut__reason"
                value={reason}
                placeholder={strings.reasonPlaceholder}
                onChange={setReason}
              />
              <SubmitButton
                tone="danger"
                busy={cutting.busy}
                busyText={strings.working}
                onClick={() => cut(a.accountNo)}
              >
                {strings.disconnect}
              </SubmitButton>
            </View>
          )}
          {detail.attempts.length > 0 && (
            <View className="card">
              <Text className="title">{strings.attemptsTitle}</Text>
              {detail.attempts.map((t) => (
                <View className="row" key={t.at + t.outcome}>
                  <View className="row__main">
                    <Text className="muted">{shanghaiTime(t.at)}</Text>
                    <Text className="muted">{t.reason}</Text>
                  </View>
                  <Text className={`tag ${t.outcome === 'refused' ? 'tag--green' : 'tag--red'}`}>
                    {strings.outcome[t.outcome]}
                  </Text>
                </View>
              ))}
            </View>
          )}
        </>
      )}
    </CompanyPage>
  );
}
