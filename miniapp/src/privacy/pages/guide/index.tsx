import { Text, View } from '@tarojs/components';
import { PRIVACY_GUIDE, PRIVACY_VERSION } from '@citycare/contract/src/privacy-guide';
import NavRow from '@/components/NavRow';
import Page from '@/components/Page';
import AgreeButton from '@/components/PrivacyDialog/AgreeButton';
import { Notice } from '@/components/form';
import { usePrivacy } from '@/lib/privacy';
import './index.css';

const strings = {
  title: '营口市民服务隐私保护指引',
  version: '版本',
  intro:
    '营口市民服务由营口市人民政府为疫情期间的健康码、平价买菜、生活缴费和不见面服务提供。下面按每项服务说明：收集什么、为什么收集、存在哪里、保存多久、谁能看到、怎样删除。身份证号、健康和行程信息属于敏感个人信息，登记时会单独请您勾选同意。',
  collected: '收集什么',
  why: '为什么',
  where: '存在哪里',
  howLong: '保存多久',
  whoSees: '谁能看到',
  deleting: '怎样删除',
  rights:
    '您可以随时在“我的 → 我的数据”查看和下载我们保存的您和家人的全部信息，在那里注销某项服务或全部服务；在“我的 → 谁查看了我的信息”查看工作人员的每一次查看。',
  agreed: '您已同意本版本的隐私保护指引。',
  refused: '您还没有同意本指引。不同意也可以浏览公开信息；需要个人信息的功能在您同意后才能使用。',
  agree: '同意本指引',
  myData: '我的数据与注销',
};

const ROWS = ['collected', 'why', 'where', 'howLong', 'whoSees', 'deleting'] as const;

/** The 隐私保护指引, versioned: per service what, why, where, how long, who sees it, how to delete it. */
export default function GuidePage() {
  const { choice } = usePrivacy();
  return (
    <Page className="guide" open noPrivacyDialog>
      <Text className="guide__title">{strings.title}</Text>
      <Text className="muted">
        {strings.version} {PRIVACY_VERSION}
      </Text>
      <Text className="guide__intro">{strings.intro}</Text>
      {PRIVACY_GUIDE.map((s) => (
        <View className="card guide__service" key={s.service}>
          <Text className="guide__service-name">{s.service}</Text>
          {ROWS.map((row) => (
            <View className="guide__row" key={row}>
              <Text className="guide__label">{strings[row]}</Text>
              <Text className="guide__value">{s[row]}</Text>
            </View>
          ))}
        </View>
      ))}
      <Text className="guide__intro">{strings.rights}</Text>
      {choice === 'agreed' ? (
        <Notice tone="success">{strings.agreed}</Notice>
      ) : (
        <>
          <Notice tone="warn">{strings.refused}</Notice>
          <AgreeButton className="guide__agree">{strings.agree}</AgreeButton>
        </>
      )}
      <View className="card">
        <NavRow url="/privacy/pages/data/index" title={strings.myData} />
      </View>
    </Page>
  );
}
