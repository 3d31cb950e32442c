import { Text, View } from '@tarojs/components';
import type { RoleGrant } from '@citycare/contract';
import NavRow from '@/components/NavRow';
import Page from '@/components/Page';
import { EmptyState, NotLoaded } from '@/components/StateView';
import { useMe } from '@/hooks/useMe';
import { ROLE_LABELS, scopeName, STAFF_ROLES, type StaffRole } from '@/lib/roles';
import './index.css';

const strings = {
  loadError: '无法加载工作台',
  noRoleTitle: '您还没有工作人员权限',
  noRoleDesc: '卡点、商户、公用事业、卫健、服务中心和管理岗位的权限由管理员开通。',
  open: '进入',
  sections: {
    checkpoint: { glyph: '扫', desc: '扫描居民健康码，核验通行；离线也能验证。' },
    store: { glyph: '商', desc: '查看本店的预订订单，按单备货，交给社区配送。' },
    utility: { glyph: '缴', desc: '查询户号账单，审核缓缴申请；疫情期间欠费不停供。' },
    official: { glyph: '卫', desc: '复核居民健康码状态，处理申诉与更正。' },
    regulator: { glyph: '监', desc: '查看居民对价格和质量的投诉，处理后登记结果。' },
    service: { glyph: '询', desc: '答复居民的在线咨询，按等待时间处理，可转交其他类别。' },
    admin: { glyph: '管', desc: '为工作人员开通或撤销角色。' },
    company: { glyph: '企', desc: '登记企业复工复产，查看审核结果，打印门岗场所码，查看每日扫码统计。' },
    resumption: { glyph: '复', desc: '审核本区县企业的复工复产登记：批准或退回并说明理由。' },
  } satisfies Record<StaffRole, { glyph: string; desc: string }>,
};

/** The page each section opens. */
const SECTION_URLS: Record<StaffRole, string> = {
  admin: '/staff/pages/roles/index',
  utility: '/staff/pages/utility-desk/index',
  checkpoint: '/staff/pages/scan/index',
  official: '/staff/pages/review/index',
  store: '/staff/pages/store-desk/index',
  regulator: '/staff/pages/market-complaints/index',
  service: '/staff/pages/service-queue/index',
  company: '/staff/pages/company/index',
  resumption: '/staff/pages/company-review/index',
};

const GLYPH_TONES: Partial<Record<StaffRole, string>> = {
  checkpoint: 'glyph--green',
  official: 'glyph--green',
  utility: 'glyph--orange',
};

interface SectionProps {
  role: StaffRole;
  grants: RoleGrant[];
}

function Section({ role, grants }: SectionProps) {
  const info = strings.sections[role];
  const scopes = grants.map((g) => g.scope).filter((s): s is string => !!s);
  return (
    <NavRow
      className={`card card--row staff__section--${role}`}
      url={SECTION_URLS[role]}
      start={<View className={`glyph ${GLYPH_TONES[role] ?? ''}`}>{info.glyph}</View>}
      title={ROLE_LABELS[role]}
      end={<Text className="action staff__open">{strings.open} ›</Text>}
    >
      {scopes.length > 0 && <Text className="staff__scope">{scopes.map(scopeName).join('、')}</Text>}
      <Text className="muted staff__desc">{info.desc}</Text>
    </NavRow>
  );
}

export default function StaffDeskPage() {
  const me = useMe();
  const user = me.data;
  const held = user ? STAFF_ROLES.filter((role) => user.roles.some((g) => g.role === role)) : [];

  return (
    <Page className="staff">
      {!user && <NotLoaded state={me} title={strings.loadError} />}
      {user && held.length === 0 && (
        <EmptyState glyph="工" title={strings.noRoleTitle} description={strings.noRoleDesc} />
      )}
      {user &&
        held.map((role) => <Section key={role} role={role} grants={user.roles.filter((g) => g.role === role)} />)}
    </Page>
  );
}
