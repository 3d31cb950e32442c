import ComingSoon from '@/components/ComingSoon';
import './index.css';

const strings = {
  title: '营口健康码',
  summary: '一人一码、一码通行。出示健康码即可通过卡点、车站、商超和公共交通。',
  features: [
    '申领本人的健康码，绿码、黄码、红码一目了然',
    '在卡点、车站、超市、公交和出租车出示扫码通行',
    '健康码定时刷新，截图无效，防止冒用',
    '对颜色有疑问时在线申请复核，卫健部门及时处理',
  ],
};

export default function HealthPage() {
  return <ComingSoon glyph="码" tone="green" title={strings.title} summary={strings.summary} features={strings.features} />;
}
