import { Text, View } from '@tarojs/components';
import Page from '@/components/Page';
import './index.css';

const strings = {
  badge: '即将上线',
  featuresTitle: '上线后，您可以：',
  help: '如有紧急需要，请拨打 12345 市民服务热线（24小时）',
};

export interface ComingSoonProps {
  /** One character shown in the round badge, e.g. 码. */
  glyph: string;
  title: string;
  summary: string;
  features: readonly string[];
  tone?: 'blue' | 'green' | 'orange';
}

/** A service that is not open yet: says so plainly and explains what it will do. */
export default function ComingSoon({ glyph, title, summary, features, tone = 'blue' }: ComingSoonProps) {
  return (
    <Page>
      <View className={`soon card soon--${tone}`}>
        <View className="soon__glyph">{glyph}</View>
        <Text className="soon__title">{title}</Text>
        <Text className="soon__badge">{strings.badge}</Text>
        <Text className="soon__summary">{summary}</Text>
      </View>
      <View className="card">
        <Text className="soon__features-title">{strings.featuresTitle}</Text>
        {features.map((feature) => (
          <View className="soon__feature" key={feature}>
            <View className="soon__dot" />
            <Text className="soon__feature-text">{feature}</Text>
          </View>
        ))}
      </View>
      <Text className="soon__help">{strings.help}</Text>
    </Page>
  );
}
