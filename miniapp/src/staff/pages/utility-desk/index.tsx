import { Text, View } from '@tarojs/components';
import NavRow from '@/components/NavRow';
import { CompanyPage, useCompany } from './company';

const strings = {
  tools: [
    { key: 'reviews', glyph: '审', title: '缓缴审核', desc: '审核缓缴期外提交的申请：批准或驳回' },
    { key: 'disconnect', glyph: '停', title: '停供操作', desc: '查询户号；获批缓缴的户在保护期内一律不得停供' },
    { key: 'protected', glyph: '保', title: '受保护户名单', desc: '导出 CSV 交给外勤班组，名单内的户不得关阀' },
    { key: 'import', glyph: '账', title: '导入账单', desc: '从 CSV 批量导入月度账单，重复导入不会重复记账' },
    { key: 'repairs', glyph: '修', title: '报修工单', desc: '24 小时报修：受理、派单、修复' },
  ],
};

export default function UtilityDeskPage() {
  const gate = useCompany();
  return (
    <CompanyPage gate={gate}>
      {strings.tools.map((t) => (
        <NavRow
          key={t.key}
          className="card card--row"
          url={`/staff/pages/utility-${t.key}/index?company=${gate.company}`}
          start={<View className="glyph glyph--round glyph--orange">{t.glyph}</View>}
          title={t.title}
        >
          <Text className="muted">{t.desc}</Text>
        </NavRow>
      ))}
    </CompanyPage>
  );
}
