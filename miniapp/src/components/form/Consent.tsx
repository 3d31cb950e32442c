import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PRIVACY_VERSION } from '@citycare/contract/src/privacy-version';

const strings = {
  agree: '我已阅读并同意',
  guide: '《隐私保护指引》',
  sensitive: '，同意处理上面填写的敏感个人信息（身份证号、健康与行程信息），只用于健康码和防疫。',
  on: '已勾选',
  off: '未勾选',
};

const GUIDE_URL = '/privacy/pages/guide/index';

interface ConsentProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** What this form collects, when not the default words. */
  text?: string;
}

/** The version a ticked box sends as `consentVersion`; undefined when unticked (the server then refuses, 422). */
export const consentVersion = (checked: boolean) => (checked ? PRIVACY_VERSION : undefined);

/**
 * The separate consent to sensitive personal data a form asks for: unticked at first, a box
 * that shows its state by its mark and words (not colour alone), and a link to the guide.
 */
export default function Consent({ checked, onChange, text = strings.sensitive }: ConsentProps) {
  return (
    <View className={`consent${checked ? ' consent--on' : ''}`}>
      <View
        className="consent__box"
        role="checkbox"
        aria-checked={checked ? 'true' : 'false'}
        onClick={() => onChange(!checked)}
      >
        <Text className="consent__mark">{checked ? '☑' : '☐'}</Text>
        <Text className="consent__state">{checked ? strings.on : strings.off}</Text>
      </View>
      <Text className="consent__text" onClick={() => onChange(!checked)}>
        {strings.agree}
        <Text
          className="consent__link"
          onClick={(e) => {
            e.stopPropagation();
            void Taro.navigateTo({ url: GUIDE_URL });
          }}
        >
          {strings.guide}
        </Text>
        {text}
      </Text>
    </View>
  );
}
