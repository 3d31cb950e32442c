import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ServiceCategory } from '@citycare/contract';
import { SERVICE_TEXT } from '@citycare/contract/src/service-labels';
import Page from '@/components/Page';
import { Chips, Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { revalidate } from '@/hooks/useApi';
import { newKey } from '@/lib/route';
import { CATEGORY_OPTIONS } from '@/lib/service/format';
import './index.css';

const strings = {
  intro: '工作人员一般在 2 小时内答复，答复后会显示在“我的咨询”里。请不要填写身份证号、银行卡号等信息。',
  category: '咨询类别',
  question: '您的问题',
  questionHint: `写清楚遇到了什么事、想办什么（${SERVICE_TEXT.questionMin}–${SERVICE_TEXT.questionMax} 个字）`,
  questionPlaceholder: '例如：我家老人不会用手机买菜，社区能帮忙代买吗？',
  needCategory: '请选择咨询类别',
  needQuestion: `请把问题写清楚（至少 ${SERVICE_TEXT.questionMin} 个字）`,
  tooLong: `问题最多 ${SERVICE_TEXT.questionMax} 个字`,
  submit: '提交咨询',
  working: '正在提交…',
  count: (n: number) => `${n}/${SERVICE_TEXT.questionMax}`,
};

/** A new consultation: a category and the question; a retry after a lost answer sends the same key. */
export default function AskPage() {
  const [category, setCategory] = useState<ServiceCategory | undefined>();
  const [question, setQuestion] = useState('');
  const submit = useSubmit();
  // One Idempotency-Key per question as written: a retry of the same never opens two.
  const attempt = useRef({ key: '', body: '' });

  const check = () => {
    const text = question.trim();
    if (!category) return strings.needCategory;
    if (text.length < SERVICE_TEXT.questionMin) return strings.needQuestion;
    return text.length > SERVICE_TEXT.questionMax ? strings.tooLong : '';
  };

  const send = () =>
    submit.run(
      async () => {
        const body = { category: category as ServiceCategory, question: question.trim() };
        const text = JSON.stringify(body);
        if (attempt.current.body !== text) attempt.current = { key: newKey('ask'), body: text };
        const { consultation } = await api('serviceAsk', { body, idempotencyKey: attempt.current.key, quiet: true });
        revalidate('serviceMine');
        void Taro.redirectTo({
          url: `/service/pages/consultation/index?consultationId=${consultation.consultationId}`,
        });
      },
      { check },
    );

  return (
    <Page>
      <Notice>{strings.intro}</Notice>
      <View className="card ask__card">
        <Field label={strings.category} required>
          <Chips options={CATEGORY_OPTIONS} value={category} onChange={setCategory} chipClassName="ask__category" />
        </Field>
        <Field
          label={strings.question}
          required
          hint={strings.questionHint}
          className="ask__question"
          multiline
          maxlength={SERVICE_TEXT.questionMax}
          value={question}
          placeholder={strings.questionPlaceholder}
          onChange={setQuestion}
        />
        <Text className="muted ask__count">{strings.count(question.trim().length)}</Text>
        <FieldError>{submit.problem}</FieldError>
        <SubmitButton onClick={send} busy={submit.busy} busyText={strings.working}>
          {strings.submit}
        </SubmitButton>
      </View>
    </Page>
  );
}
