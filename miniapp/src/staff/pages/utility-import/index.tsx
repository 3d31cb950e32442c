import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ResponseBody } from '@citycare/contract';
import Page from '@/components/Page';
import { api } from '@/api';
import { CompanyGate, CompanyHeader, useCompany } from '../utility-desk/company';
import '@/pages/bills/shared.css';
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
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [result, setResult] = useState<ResponseBody<'importBills'> | null>(null);

  async function pickFile() {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] });
      const file = tempFiles[0];
      if (!file) return;
      if (file.size > MAX_BYTES) {
        setProblem(strings.tooBig);
        return;
      }
      setCsv(String(Taro.getFileSystemManager().readFileSync(file.path, 'utf8')));
      setProblem('');
    } catch {
      // cancelled
    }
  }

  async function submit() {
    if (busy) return;
    if (!csv.trim()) {
      setProblem(strings.empty);
      return;
    }
    setProblem('');
    setBusy(true);
    try {
      setResult(await api('importBills', { params: { company }, body: { csv } }));
    } catch {
      // shown by the adapter
    } finally {
      setBusy(false);
    }
  }

  return (
    <CompanyGate {...gate}>
      <Page>
        <CompanyHeader name={gate.name} />
        <View className="card">
          <Text className="ut-sub">{strings.intro}</Text>
          <Text className="imp__example">{strings.example}</Text>
          <Text className="ut-sub">{strings.rules}</Text>
        </View>
        <View className="card">
          {process.env.TARO_ENV === 'weapp' && (
            <Button className="btn btn--plain imp__pick" onClick={pickFile}>
              {strings.pick}
            </Button>
          )}
          <Text className="form-label">{strings.paste}</Text>
          <Textarea
            className="form-textarea imp__text"
            value={csv}
            maxlength={-1}
            onInput={(e) => setCsv(e.detail.value)}
          />
          {problem && <Text className="ut-problem">{problem}</Text>}
          <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={submit}>
            {busy ? strings.working : strings.submit}
          </Button>
        </View>
        {result && (
          <View className="card">
            <Text className="ut-notice ut-notice--green">{strings.result(result.imported, result.skipped)}</Text>
            {result.errors.length > 0 && (
              <>
                <Text className="form-label imp__errors">{strings.errorsTitle(result.errors.length)}</Text>
                {result.errors.map((e) => (
                  <View className="ut-row" key={e.line}>
                    <Text className="ut-sub imp__line">{strings.line(e.line)}</Text>
                    <Text className="ut-sub ut-row__main">{e.message}</Text>
                  </View>
                ))}
              </>
            )}
          </View>
        )}
      </Page>
    </CompanyGate>
  );
}
