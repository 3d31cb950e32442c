import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { api, errorMessage } from '@/api';

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
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const send = async () => {
    if (busy) return;
    if (text.trim().length < 4) return setProblem(strings.tooShort);
    setBusy(true);
    setProblem('');
    try {
      await api('groceryComplain', { params: { orderId }, body: { kind, text: text.trim() }, quiet: true });
      setSent(true);
      void Taro.showToast({ title: '已提交', icon: 'success' });
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (sent) return <Text className="gr-notice">{strings.sent}</Text>;
  return (
    <View className="card">
      <Text className="form-label">{strings.title}</Text>
      <Text className="gr-sub">{strings.desc}</Text>
      <View className="chips order__kinds">
        {(['quality', 'price'] as const).map((k) => (
          <Text key={k} className={`chip${kind === k ? ' chip--on' : ''}`} onClick={() => setKind(k)}>
            {strings[k]}
          </Text>
        ))}
      </View>
      <Textarea
        className="form-textarea order__complaint"
        value={text}
        maxlength={500}
        placeholder={strings.placeholder}
        onInput={(e) => setText(e.detail.value)}
      />
      {problem && <Text className="gr-problem">{problem}</Text>}
      <Button className={`btn btn--plain${busy ? ' btn--busy' : ''}`} onClick={send}>
        {busy ? strings.sending : strings.send}
      </Button>
    </View>
  );
}
