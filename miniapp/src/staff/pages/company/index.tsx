import { Button, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { COMPANY_STATE_LABELS } from '@citycare/contract/src/company-labels';
import List from '@/components/List';
import NavRow from '@/components/NavRow';
import Page from '@/components/Page';
import { EmptyState } from '@/components/StateView';
import { Notice } from '@/components/form';
import { useApi, useReloadOnReturn } from '@/hooks/useApi';

const strings = {
  intro: '企业复工前须登记防控方案，经所在区县复工专班审核批准后，打印门岗场所码张贴，员工进出扫码登记。',
  register: '登记新企业',
  loadError: '无法加载企业登记',
  empty: '还没有登记企业',
  emptyDesc: '点击下方“登记新企业”开始。',
};

/** A company representative's companies, each with its state; register a new one. */
export default function CompanyPage() {
  const state = useApi('companyMine');
  useReloadOnReturn(state.reload);
  return (
    <Page className="company">
      <Notice>{strings.intro}</Notice>
      <List
        state={state}
        items={state.data?.companies}
        title={strings.loadError}
        empty={<EmptyState glyph="企" title={strings.empty} description={strings.emptyDesc} />}
      >
        {(c) => (
          <NavRow
            key={c.companyId}
            className="card card--row company__row"
            url={`/staff/pages/company-detail/index?companyId=${c.companyId}`}
            title={c.name}
            end={<Text className="action">查看 ›</Text>}
          >
            <Text className="muted">{COMPANY_STATE_LABELS[c.state]}</Text>
          </NavRow>
        )}
      </List>
      <Button className="btn" onClick={() => void Taro.navigateTo({ url: '/staff/pages/company-form/index' })}>
        {strings.register}
      </Button>
    </Page>
  );
}
