import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PersonMatch } from '@citycare/contract';
import { Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { roleText } from '@/lib/roles';

const strings = {
  title: '找到要授权的人',
  name: '姓名',
  namePlaceholder: '登记健康码时的姓名',
  tail: '手机号后四位',
  tailPlaceholder: '如 1234',
  find: '查找',
  finding: '正在查找…',
  scan: '扫对方的个人码',
  scanHint: '对方打开“我的”→“我的个人码”',
  needName: '请填写姓名',
  needTail: '请填写手机号后四位数字',
  none: '没有找到：请核对姓名和手机号后四位，或扫对方的个人码',
  found: (n: number) => `找到 ${n} 人，请点选一位`,
  tailText: (t: string) => ` · 尾号 ${t}`,
  scanFailed: '没有扫到个人码',
};

/**
 * Finds the person to change roles for, without their user id: by the name and phone digits of
 * their health-code registration, or by scanning the personal code in their 我的. Answers are
 * masked (刘*福 · 尾号 1234); tapping one picks them.
 */
export default function FindPerson({
  picked,
  onPick,
}: {
  picked: PersonMatch | undefined;
  onPick: (person: PersonMatch | undefined) => void;
}) {
  const [name, setName] = useState('');
  const [tail, setTail] = useState('');
  const [people, setPeople] = useState<PersonMatch[]>();
  const submit = useSubmit<'find' | 'scan'>();

  const show = (found: PersonMatch[]) => {
    setPeople(found);
    onPick(found.length === 1 ? found[0] : undefined);
  };
  const find = () =>
    submit.run(
      async () => {
        onPick(undefined);
        show((await api('findPerson', { body: { name: name.trim(), phoneTail: tail.trim() }, quiet: true })).people);
      },
      {
        action: 'find',
        check: () => (name.trim().length < 2 ? strings.needName : /^\d{4}$/.test(tail.trim()) ? '' : strings.needTail),
      },
    );
  const scan = () =>
    submit.run(
      async () => {
        const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).catch(() => {
          throw new Error(strings.scanFailed);
        });
        onPick(undefined);
        show((await api('findPersonByCode', { body: { code: result }, quiet: true })).people);
      },
      { action: 'scan' },
    );

  return (
    <View className="card roles__find">
      <Text className="card__title">{strings.title}</Text>
      <Field
        label={strings.name}
        className="roles__name"
        value={name}
        placeholder={strings.namePlaceholder}
        onChange={setName}
      />
      <Field
        label={strings.tail}
        className="roles__tail"
        type="number"
        maxlength={4}
        value={tail}
        placeholder={strings.tailPlaceholder}
        onChange={setTail}
      />
      <FieldError>{submit.problem}</FieldError>
      <SubmitButton onClick={find} busy={submit.action === 'find'} busyText={strings.finding}>
        {strings.find}
      </SubmitButton>
      <SubmitButton tone="plain" onClick={scan} busy={submit.action === 'scan'} busyText={strings.finding}>
        {strings.scan}
      </SubmitButton>
      <Text className="muted">{strings.scanHint}</Text>
      {people && people.length === 0 && <Text className="roles__none">{strings.none}</Text>}
      {people && people.length > 1 && <Text className="roles__none">{strings.found(people.length)}</Text>}
      {people?.map((p) => (
        <View
          key={p.userId}
          ariaRole="button"
          className={`roles__person${picked?.userId === p.userId ? ' roles__person--on' : ''}`}
          onClick={() => onPick(p)}
        >
          <Text className="roles__person-name">
            {p.maskedName}
            {p.phoneTail ? strings.tailText(p.phoneTail) : ''}
          </Text>
          <Text className="muted">{p.roles.map(roleText).join('、')}</Text>
        </View>
      ))}
    </View>
  );
}
