import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ResponseBody } from '@citycare/contract';
import { Field, FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { CompanyPage, useCompany } from '../utility-desk/company';
import './index.css';

const strings = {
  intro: '第一行为表头：户号,账期,金额（元）,缴费截止日。每行一张账单，例如：',
  example: '0101234567,2020-03,58.30,2020-04-15',
  rules: '同一户号同一账期只记一次，重复导入同一文件不会重复记账；有问题的行会按行号列出，其余行照常导入。',
  pick: '从聊天记录选择 CSV 文件',
  paste: '或把 CSV 内容粘贴到这里',
  submit: '导入',
  working: '正在导入…',
  empty: '请先选择文件或粘贴内容',
  result: (i: number, s: number) => `新导入 ${i} 张账单，已存在跳过 ${s} 张`,
  errorsTitle: (n: number) => `${n} 行有问题，未导入：`,
  line: (n: number) => `第 ${n} 行`,
  tooBig: 'CSV 文件不能超过 256 KB',
};

const MAX_BYTES = 256 * 1024;

export default function ImportPage() {
  const gate = useCompany();
  const company = gate.company ?? '';
  const [csv, setCsv] = useState('');
  const submit = useSubmit();
  const [result, setResult] = useState<ResponseBody<'importBills'> | null>(null);

  async function pickFile() {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] });
      const file = tempFiles[0];
      if (!file) return;
      if (file.size > MAX_BYTES) return submit.setProblem(strings.tooBig);
      setCsv(String(Taro.getFileSystemManager().readFileSync(file.path, 'utf8')));
      submit.setProblem('');
    } catch {
      // cancelled
    }
  }

  const send = () =>
    submit.run(async () => setResult(await api('importBills', { params: { company }, body: { csv }, quiet: true })), {
      check: () => (csv.trim() ? '' : strings.empty),
    });

  return (
    <CompanyPage gate={gate}>
      <View className="card">
        <Text className="muted">{strings.intro}</Text>
        <Text className="imp__example">{strings.example}</Text>
        <Text className="muted">{strings.rules}</Text>
      </View>
      <View className="card">
        {process.env.TARO_ENV === 'weapp' && (
          <Button className="btn btn--plain imp__pick" onClick={pickFile}>
            {strings.pick}
          </Button>
        )}
        <Field label={strings.paste} className="imp__text" multiline maxlength={-1} value={csv} onChange={setCsv} />
        <FieldError>{submit.problem}</FieldError>
        <SubmitButton busy={submit.busy} busyText={strings.working} onClick={send}>
          {strings.submit}
        </SubmitButton>
      </View>
      {result && (
        <View className="card">
          <Notice tone="success">{strings.result(result.imported, result.skipped)}</Notice>
          {result.errors.length > 0 && (
            <>
              <Text className="card__title">{strings.errorsTitle(result.errors.length)}</Text>
              {result.errors.map((e) => (
                <View className="row" key={e.line}>
                  <Text className="muted imp__line">{strings.line(e.line)}</Text>
                  <Text className="muted row__main">{e.message}</Text>
                </View>
              ))}
            </>
          )}
        </View>
      )}
    </CompanyPage>
  );
}
