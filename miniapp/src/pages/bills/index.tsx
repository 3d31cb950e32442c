import ComingSoon from '@/components/ComingSoon';
import './index.css';

const strings = {
  title: '生活缴费',
  summary: '水、电、燃气、供暖在线办理。疫情期间欠费不停供，可在线申请缓缴。',
  features: [
    '绑定自家的水、电、燃气、供暖户号，查看账单',
    '疫情期间欠费不停水、不停电、不停气、不停暖',
    '经济困难可在线申请缓缴，无需到营业厅排队',
    '报修请拨打 12345，24 小时有人接听',
  ],
};

export default function BillsPage() {
  return <ComingSoon glyph="费" tone="orange" title={strings.title} summary={strings.summary} features={strings.features} />;
}
