import type { PropsWithChildren } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import Page from '@/components/Page';
import { EmptyState, NotLoadedPage } from '@/components/StateView';
import { useMe } from '@/hooks/useMe';
import { scopeName, scopesOf } from '@/lib/roles';
import { routeParam } from '@/pages/bills/shared';

const strings = {
  loadError: '无法加载',
  notStaffTitle: '您不是公用事业公司的工作人员',
  notStaffDesc: '权限由管理员开通。',
};

/** The utility company a staff page works for: `?company=` if the user holds it, else their first. */
export function useCompany(): { company: string | undefined; name: string; state: ReturnType<typeof useMe> } {
  const state = useMe();
  const wanted = routeParam(useRouter().params, 'company');
  const companies = state.data ? scopesOf(state.data.roles, 'utility') : [];
  const company = companies.includes(wanted) ? wanted : companies[0];
  return { company, name: company ? scopeName(company) : '', state };
}

/** Loading, error and not-staff states around a staff utility page. */
function CompanyGate({ state, company, children }: PropsWithChildren<ReturnType<typeof useCompany>>) {
  if (!state.data) return <NotLoadedPage state={state} title={strings.loadError} />;
  if (!company) {
    return (
      <Page>
        <EmptyState glyph="缴" title={strings.notStaffTitle} description={strings.notStaffDesc} />
      </Page>
    );
  }
  return <>{children}</>;
}

/** A staff utility page: its gate, then the company's name at the top. */
export function CompanyPage({ gate, children }: PropsWithChildren<{ gate: ReturnType<typeof useCompany> }>) {
  return (
    <CompanyGate {...gate}>
      <Page>
        <View className="card">
          <Text className="title">{gate.name}</Text>
        </View>
        {children}
      </Page>
    </CompanyGate>
  );
}
