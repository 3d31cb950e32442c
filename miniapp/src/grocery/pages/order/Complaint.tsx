import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { api } from '@/api';
import { Chips, Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';

const strings = {
  title: '投诉价格或质量',
  desc: '投诉会送到市场监督管理部门处理。',
  price: '价格',
  quality: '质量',
  placeholder: '请写明情况，例如：鸡蛋有破损',
  send: '提交投诉',
  sending: '正在提交…',
  sent: '投诉已提交，市场监管部门会处理',
  tooShort: '请至少写 4 个字说明情况',
};

export default function Complaint({ orderId }: { orderId: string }) {
  const [kind, setKind] = useState<'price' | 'quality'>('quality');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const submit = useSubmit();

  const send = async () => {
    const ok = await submit.run(
      () => api('groceryComplain', { params: { orderId }, body: { kind, text: text.trim() }, quiet: true }),
      { check: () => (text.trim().length < 4 ? strings.tooShort : '') },
    );
    if (!ok) return;
    setSent(true);
    void Taro.showToast({ title: '已提交', icon: 'success' });
  };

  if (sent) return <Notice tone="success">{strings.sent}</Notice>;
  return (
    <View className="card">
      <Text className="card__title">{strings.title}</Text>
      <Text className="muted">{strings.desc}</Text>
      <Chips
        className="order__kinds"
        options={(['quality', 'price'] as const).map((k) => ({ value: k, label: strings[k] }))}
        value={kind}
        onChange={setKind}
      />
      <Field
        className="order__complaint"
        multiline
        value={text}
        maxlength={500}
        placeholder={strings.placeholder}
        onChange={setText}
      />
      <FieldError>{submit.problem}</FieldError>
      <SubmitButton tone="plain" busy={submit.busy} busyText={strings.sending} onClick={send}>
        {strings.send}
      </SubmitButton>
    </View>
  );
}
