import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { PersonalCodeResponse } from '@citycare/contract';
import { FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { qrDataUri } from '@/lib/health/qr';
import { shanghaiShort } from '@/lib/health/time';
import { imageAlt } from '@/lib/a11y';

const strings = {
  title: '我的个人码',
  desc: '管理员为您开通工作身份时扫此码，无需告诉对方用户编号',
  show: '出示我的个人码',
  refresh: '刷新',
  loading: '正在生成…',
  alt: (until: string) => `我的个人码，有效至 ${until}`,
  until: (until: string) => `有效至 ${until}，过期后请刷新`,
};

/**
 * The personal code an admin scans to find this user (roles page): a signed token valid for
 * ten minutes, fetched only when the user asks for it (an idle 我的 makes no request).
 */
export default function PersonalCode() {
  const [code, setCode] = useState<PersonalCodeResponse>();
  const submit = useSubmit();
  const fetchCode = () => submit.run(async () => setCode(await api('personalCode', { quiet: true })));
  const until = code ? shanghaiShort(code.expiresAt) : '';
  return (
    <View className="card me__personal-code">
      <Text className="title">{strings.title}</Text>
      <Text className="muted">{strings.desc}</Text>
      {code && (
        <View className="me__code-wrap">
          <Image
            className="me__code"
            src={qrDataUri(code.code, '#1d2129')}
            mode="aspectFit"
            {...imageAlt(strings.alt(until))}
          />
          <Text className="muted">{strings.until(until)}</Text>
        </View>
      )}
      <FieldError>{submit.problem}</FieldError>
      <SubmitButton tone="plain" busy={submit.busy} busyText={strings.loading} onClick={() => void fetchCode()}>
        {code ? strings.refresh : strings.show}
      </SubmitButton>
    </View>
  );
}
