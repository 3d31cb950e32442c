import ComingSoon from '@/components/ComingSoon';
import './index.css';

const strings = {
  title: '平价买菜',
  summary: '足不出户预订蔬菜和生活必需品，限价供应，社区工作者无接触送到家门口。',
  features: [
    '向服务本社区的便民超市预订蔬菜、粮油和日用品',
    '价格不超过政府公布的限价，明码标价',
    '超市备货后由社区工作者配送，放在门口无接触交接',
    '村民可由村卡点统一代购，手机支付',
  ],
};

export default function GroceryPage() {
  return <ComingSoon glyph="菜" tone="green" title={strings.title} summary={strings.summary} features={strings.features} />;
}
