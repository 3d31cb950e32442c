import { cityDate } from '@citycare/contract/src/common';
import { saveFile } from '@/lib/save-file';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import List from '@/components/List';
import { EmptyState } from '@/components/StateView';
import { FieldError, Notice, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useApi } from '@/hooks/useApi';
import { lastDay, yuan } from '@/pages/bills/shared';
import { CompanyPage, useCompany } from '../utility-desk/company';

const strings = {
  loadError: '无法加载名单',
  intro: '以下各户已获批缓缴，保护期内一律不得停供、关阀。请导出名单交给外勤班组。',
  count: (n: number) => `共 ${n} 户`,
  empty: '目前没有受保护的户',
  until: (d: string) => `保护至 ${d}`,
  export: '导出 CSV 名单',
  exporting: '正在导出…',
  exported: '已导出',
};

const BOM = '\uFEFF';

/** Saves the CSV (with a BOM, for spreadsheet programs): a download on H5, a chat file in WeChat. */
const saveCsv = (text: string, fileName: string) =>
  saveFile(text.startsWith(BOM) ? text : BOM + text, fileName, 'text/csv;charset=utf-8');

export default function ProtectedPage() {
  const gate = useCompany();
  const company = gate.company ?? '';
  const list = useApi('protectedAccounts', company ? { params: { company } } : null);
  const exporting = useSubmit();

  const exportCsv = () =>
    exporting.run(async () => {
      const text = (await api('exportProtected', {
        params: { company },
        text: true,
        quiet: true,
      })) as unknown as string;
      const day = cityDate(Date.now());
      // A cancelled share rejects too: it needs no message.
      const saved = await saveCsv(text, `受保护户名单-${gate.name}-${day}.csv`).then(
        () => true,
        () => false,
      );
      if (saved) void Taro.showToast({ title: strings.exported, icon: 'success' });
    });

  const accounts = list.data?.accounts;
  return (
    <CompanyPage gate={gate}>
      <Notice tone="success">{strings.intro}</Notice>
      <List
        state={list}
        items={accounts}
        title={strings.loadError}
        empty={<EmptyState glyph="保" title={strings.empty} />}
        card
        head={
          <>
            <SubmitButton busy={exporting.busy} busyText={strings.exporting} onClick={exportCsv}>
              {strings.export}
            </SubmitButton>
            <FieldError>{exporting.problem}</FieldError>
            <Text className="section-title">{strings.count(accounts?.length ?? 0)}</Text>
          </>
        }
      >
        {(a) => (
          <View className="row" key={a.accountNo}>
            <View className="row__main">
              <Text className="title">
                {a.accountNo} · {a.holderMasked}
              </Text>
              <Text className="muted">{a.address}</Text>
              <Text className="tag tag--green">{strings.until(lastDay(a.protectedUntil))}</Text>
            </View>
            <Text className="amount amount--due">¥{yuan(a.arrearsFen)}</Text>
          </View>
        )}
      </List>
    </CompanyPage>
  );
}
