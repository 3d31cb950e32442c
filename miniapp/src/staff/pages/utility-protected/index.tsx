import { useState } from 'react';
import { cityDate } from '@citycare/contract/src/common';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Page from '@/components/Page';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { lastDay, yuan } from '@/pages/bills/shared';
import { CompanyGate, CompanyHeader, useCompany } from '../utility-desk/company';
import '@/pages/bills/shared.css';
import './index.css';

const strings = {
  loadError: '无法加载名单',
  intro: '以下各户已获批缓缴，保护期内一律不得停供、关阀。请导出名单交给外勤班组。',
  count: (n: number) => `共 ${n} 户`,
  empty: '目前没有受保护的户',
  until: (d: string) => `保护至 ${d}`,
  export: '导出 CSV 名单',
  exporting: '正在导出…',
  exported: '已导出',
  shareFailed: '导出失败，请稍后再试',
};

const BOM = '\uFEFF';

/** Saves the CSV where the platform lets people take it: a download on H5, a chat file in WeChat. */
async function saveCsv(text: string, fileName: string): Promise<void> {
  const content = text.startsWith(BOM) ? text : BOM + text;
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  Taro.getFileSystemManager().writeFileSync(filePath, content, 'utf8');
  await Taro.shareFileMessage({ filePath, fileName });
}

export default function ProtectedPage() {
  const gate = useCompany();
  const company = gate.company ?? '';
  const list = useApi('protectedAccounts', company ? { params: { company } } : null);
  const [busy, setBusy] = useState(false);

  async function exportCsv() {
    if (busy) return;
    setBusy(true);
    try {
      const text = (await api('exportProtected', { params: { company }, text: true })) as unknown as string;
      const day = cityDate(Date.now());
      await saveCsv(text, `受保护户名单-${gate.name}-${day}.csv`);
      void Taro.showToast({ title: strings.exported, icon: 'success' });
    } catch {
      // the adapter has shown API errors; a cancelled share needs no message
    } finally {
      setBusy(false);
    }
  }

  const accounts = list.data?.accounts;
  return (
    <CompanyGate {...gate}>
      <Page>
        <CompanyHeader name={gate.name} />
        <Text className="ut-notice ut-notice--green prot__intro">{strings.intro}</Text>
        {list.loading && !accounts && <Loading />}
        {!list.loading && list.error !== undefined && (
          <ErrorState title={strings.loadError} error={list.error} onRetry={list.reload} />
        )}
        {accounts?.length === 0 && <EmptyState glyph="保" title={strings.empty} />}
        {accounts && accounts.length > 0 && (
          <>
            <Button className={`btn${busy ? ' btn--busy' : ''}`} onClick={exportCsv}>
              {busy ? strings.exporting : strings.export}
            </Button>
            <Text className="section-title">{strings.count(accounts.length)}</Text>
            <View className="card">
              {accounts.map((a) => (
                <View className="ut-row prot__row" key={a.accountNo}>
                  <View className="ut-row__main">
                    <Text className="ut-title">
                      {a.accountNo} · {a.holderMasked}
                    </Text>
                    <Text className="ut-sub">{a.address}</Text>
                    <Text className="ut-tag ut-tag--green">{strings.until(lastDay(a.protectedUntil))}</Text>
                  </View>
                  <Text className="ut-amount ut-amount--due">¥{yuan(a.arrearsFen)}</Text>
                </View>
              ))}
            </View>
          </>
        )}
      </Page>
    </CompanyGate>
  );
}
