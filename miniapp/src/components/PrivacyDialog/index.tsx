import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { GUIDE_URL, openPrivacyContract, refusePrivacy, usePrivacy } from '@/lib/privacy';
import AgreeButton from './AgreeButton';
import './index.css';

const strings = {
  title: '隐私保护提示',
  body: '营口市民服务需要处理您的个人信息才能提供健康码、买菜、缴费等服务。请您先阅读',
  guide: '《营口市民服务隐私保护指引》',
  after: '，了解我们收集哪些信息、为什么收集、保存多久、谁能看到以及如何删除。',
  refusedNote: '不同意也可以浏览公开信息；需要个人信息的功能在您同意后才能使用。',
  wechatGuide: '查看微信中的隐私保护指引',
  agree: '同意',
  refuse: '不同意',
};

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** The app's own privacy dialog, over any page while the guide awaits the resident's answer. */
export default function PrivacyDialog() {
  const { open } = usePrivacy();
  if (!open) return null;
  return (
    <View className="privacy-dialog" aria-modal="true" role="dialog" aria-labelledby="privacy-dialog-title">
      <View className="privacy-dialog__box">
        <Text className="privacy-dialog__title" id="privacy-dialog-title">
          {strings.title}
        </Text>
        <Text className="privacy-dialog__text">
          {strings.body}
          <Text className="privacy-dialog__link" onClick={() => void Taro.navigateTo({ url: GUIDE_URL })}>
            {strings.guide}
          </Text>
          {strings.after}
        </Text>
        <Text className="privacy-dialog__note">{strings.refusedNote}</Text>
        {IS_WEAPP && (
          <Text className="privacy-dialog__link" onClick={openPrivacyContract}>
            {strings.wechatGuide}
          </Text>
        )}
        <View className="privacy-dialog__actions">
          <Button className="btn btn--plain privacy-dialog__refuse" onClick={refusePrivacy}>
            {strings.refuse}
          </Button>
          <AgreeButton className="privacy-dialog__agree">{strings.agree}</AgreeButton>
        </View>
      </View>
    </View>
  );
}
