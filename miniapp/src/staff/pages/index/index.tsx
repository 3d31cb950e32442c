import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RoleGrant } from '@citycare/contract';
import Page from '@/components/Page';
import { EmptyState, ErrorState, Loading } from '@/components/StateView';
import { useMe } from '@/hooks/useMe';
import { ROLE_LABELS, scopeName, STAFF_ROLES, type StaffRole } from '@/lib/roles';
import './index.css';

const strings = {
  loadError: '无法加载工作台',
  noRoleTitle: '您还没有工作人员权限',
  noRoleDesc: '卡点、商户、公用事业、卫健和管理岗位的权限由管理员开通。',
  soon: '即将上线',
  open: '进入',
  sections: {
    checkpoint: { glyph: '扫', desc: '扫描居民健康码，核验通行；离线也能验证。' },
    store: { glyph: '商', desc: '查看本店的预订订单，按单备货，交给社区配送。' },
    utility: { glyph: '缴', desc: '查询户号账单，审核缓缴申请；疫情期间欠费不停供。' },
    official: { glyph: '卫', desc: '复核居民健康码状态，处理申诉与更正。' },
    regulator: { glyph: '监', desc: '查看居民对价格和质量的投诉，处理后登记结果。' },
    admin: { glyph: '管', desc: '为工作人员开通或撤销角色。' },
  } satisfies Record<StaffRole, { glyph: string; desc: string }>,
};

const ROLES_URL = '/staff/pages/roles/index';

/** The page each ready section opens. */
const SECTION_URLS: Partial<Record<StaffRole, string>> = {
  admin: ROLES_URL,
  utility: '/staff/pages/utility-desk/index',
  checkpoint: '/staff/pages/scan/index',
  official: '/staff/pages/review/index',
  store: '/staff/pages/store-desk/index',
  regulator: '/staff/pages/market-complaints/index',
};

interface SectionProps {
  role: StaffRole;
  grants: RoleGrant[];
}

function Section({ role, grants }: SectionProps) {
  const info = strings.sections[role];
  const scopes = grants.map((g) => g.scope).filter((s): s is string => !!s);
  const url = SECTION_URLS[role];
  const ready = url !== undefined;
  return (
    <View
      className={`card staff__section staff__section--${role}`}
      hoverClass={ready ? 'tap-active' : 'none'}
      onClick={url ? () => Taro.navigateTo({ url }) : undefined}
    >
      <View className="staff__glyph">{info.glyph}</View>
      <View className="staff__text">
        <Text className="staff__title">{ROLE_LABELS[role]}</Text>
        {scopes.length > 0 && <Text className="staff__scope">{scopes.map(scopeName).join('、')}</Text>}
        <Text className="staff__desc">{info.desc}</Text>
      </View>
      {ready ? (
        <Text className="staff__open">{strings.open} ›</Text>
      ) : (
        <Text className="staff__soon">{strings.soon}</Text>
      )}
    </View>
  );
}

export default function StaffDeskPage() {
  const me = useMe();
  const user = me.data;
  const held = user ? STAFF_ROLES.filter((role) => user.roles.some((g) => g.role === role)) : [];

  return (
    <Page className="staff">
      {!user && me.loading && <Loading />}
      {!user && !me.loading && <ErrorState title={strings.loadError} error={me.error} onRetry={me.reload} />}
      {user && held.length === 0 && (
        <EmptyState glyph="工" title={strings.noRoleTitle} description={strings.noRoleDesc} />
      )}
      {user &&
        held.map((role) => <Section key={role} role={role} grants={user.roles.filter((g) => g.role === role)} />)}
    </Page>
  );
}
