import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { PaperCodeResponse } from '@citycare/contract';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import Page from '@/components/Page';
import { Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { qrDataUri } from '@/lib/health/qr';
import { shanghaiDateTime } from '@/lib/health/time';
import { newKey } from '@/lib/route';
import { scopeName } from '@/lib/roles';
import './index.css';
import { imageAlt } from '@/lib/a11y';

const strings = {
  intro:
    '为没有智能手机的居民打印纸质健康码。只能为本社区已登记的居民打印（卫健工作人员不限社区）；每次打印都会记入审计日志。',
  idNumber: '居民身份证号',
  idHint: '请核对居民本人的身份证后输入；卡片上只印打码的号码',
  needId: '请输入 18 位身份证号',
  make: '生成纸质码',
  making: '正在生成…',
  cardTitle: '营口健康码 · 纸质码',
  name: '姓名',
  id: '身份证',
  colour: '打印时状态',
  community: '所属社区',
  until: '有效至',
  audit: '审计号',
  note: '以卡点扫码核验结果为准。状态变化后此码作废，请到社区重新打印。',
  print: '打印（A6 卡片）',
  weapp: '小程序内无法直接打印：长按二维码可保存图片，或在电脑上打开本页打印。',
  again: '为其他居民打印',
};

const PRINT_INK = '#000000';

/** A paper code (纸质码) for a resident without a phone: community workers and officials; H5 prints an A6 card. */
export default function PaperCodePage() {
  const { params } = useRouter();
  const [idNumber, setIdNumber] = useState('');
  const [card, setCard] = useState<PaperCodeResponse>();
  const submit = useSubmit();
  const attempt = useRef({ key: '', body: '' });
  const weapp = process.env.TARO_ENV === 'weapp';

  const make = () =>
    submit.run(
      async () => {
        const body = params.residentId ? { residentId: params.residentId } : { idNumber: idNumber.trim() };
        const text = JSON.stringify(body);
        if (attempt.current.body !== text) attempt.current = { key: newKey('paper'), body: text };
        setCard(await api('healthPaperCode', { body, idempotencyKey: attempt.current.key, quiet: true }));
      },
      { check: () => (params.residentId || idNumber.trim().length === 18 ? '' : strings.needId) },
    );

  if (!card) {
    return (
      <Page className="paper">
        <Notice tone="info">{strings.intro}</Notice>
        <View className="card">
          {!params.residentId && (
            <Field
              label={strings.idNumber}
              hint={strings.idHint}
              name="idNumber"
              type="idcard"
              maxlength={18}
              value={idNumber}
              onChange={setIdNumber}
            />
          )}
          <FieldError>{submit.problem}</FieldError>
          <SubmitButton onClick={make} busy={submit.busy} busyText={strings.making}>
            {strings.make}
          </SubmitButton>
        </View>
      </Page>
    );
  }

  return (
    <Page className="paper">
      <View className="paper-card" aria-label={strings.cardTitle}>
        <Text className="paper-card__title">{strings.cardTitle}</Text>
        <Image
          className="paper-card__qr"
          src={qrDataUri(card.token, PRINT_INK)}
          mode="aspectFit"
          showMenuByLongpress
          {...imageAlt(`${strings.cardTitle} ${card.maskedName}`)}
        />
        <View className="paper-card__rows">
          <Text className="paper-card__row">
            {strings.name}：{card.maskedName}
          </Text>
          <Text className="paper-card__row">
            {strings.id}：{card.idMasked}
          </Text>
          <Text className="paper-card__row">
            {strings.colour}：{COLOUR_LABELS[card.colour]}
          </Text>
          <Text className="paper-card__row">
            {strings.community}：{scopeName(card.community)}
          </Text>
          <Text className="paper-card__row paper-card__until">
            {strings.until}：{shanghaiDateTime(card.expiresAt).slice(0, 16)}
          </Text>
        </View>
        <Text className="paper-card__note">{strings.note}</Text>
        <Text className="paper-card__audit">
          {strings.audit} {card.auditId}
        </Text>
      </View>
      <View className="paper__actions">
        {weapp ? (
          <Notice tone="info">{strings.weapp}</Notice>
        ) : (
          <SubmitButton onClick={() => window.print()}>{strings.print}</SubmitButton>
        )}
        <SubmitButton
          tone="plain"
          onClick={() => {
            setCard(undefined);
            setIdNumber('');
            if (params.residentId) void Taro.navigateBack();
          }}
        >
          {strings.again}
        </SubmitButton>
      </View>
    </Page>
  );
}
