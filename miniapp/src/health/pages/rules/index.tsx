import { Text, View } from '@tarojs/components';
import { COLOUR_LABELS } from '@citycare/contract/src/health-labels';
import Page from '@/components/Page';
import { NotLoaded } from '@/components/StateView';
import { useApi } from '@/hooks/useApi';
import '@/lib/health/health.css';

const strings = {
  loadError: '无法加载赋码规则',
  colours: '三种颜色是怎么来的',
  toYellow: (fever: number) =>
    `黄码：体温达到 ${fever} °C 及以上，或有发热、干咳、乏力等症状，或 14 天内到过风险地区，或接触过疑似病例。`,
  toRed: '红码：14 天内接触过确诊病例（密切接触者），或经卫健部门确认为确诊、疑似病例或密切接触者。',
  green: '绿码：每日申报正常，可以通行。',
  backTitle: '什么时候转为绿码',
  yellowBack: (days: number) => `黄码：连续 ${days} 天每日申报都正常，自动转为绿码；中断一天，从头计算。`,
  redBack: (days: number) => `红码：满 ${days} 天，并经卫健工作人员复核解除后，转为绿码。`,
  appeal: '认为颜色不对？在健康码页点“申请纠错”，卫健工作人员会复核。',
  areasTitle: '当前风险地区',
  noAreas: '暂无风险地区',
  since: '起',
  passTitle: '各颜色通行规则',
  codeTitle: '健康码本身',
  code: (ttl: number) =>
    `二维码每 ${Math.round(ttl / 60)} 分钟更新一次，截图无效；码内只有颜色、打码的姓名和打码的身份证号（如 2108**********0026），没有完整身份证号和手机号。`,
  proxy: (n: number) =>
    `家人代办：每个账号最多代办 ${n} 位家人。家人的码上写明“家人代办码”和代办人，卡点会请持码人出示身份证核对。`,
  offline: (hours: number) =>
    `卡点离线扫码的记录须在 ${hours} 小时内上传，逾期或扫码时间不在码的有效期内的记录不予采用。`,
  staleness: (minutes: number, refreshSeconds: number) =>
    `颜色变化最迟 ${minutes} 分钟内在各卡点生效：离线时手机上的码最多显示 1 小时前的状态；卡点每 ${refreshSeconds} 秒更新一次“状态名单”，状态变化前签发的码（含纸质码）一律作废。`,
  scannerOffline: (days: number) =>
    `卡点离线也能核验，但核验数据超过 ${days} 天未更新时，结果显示“未能核验”，须联网后再扫。`,
  paper: (days: number) =>
    `没有手机的居民可请社区工作人员打印纸质码（只印打码的姓名和身份证号），有效 ${days} 天；状态变化后须重新打印。`,
};

export default function RulesPage() {
  const rules = useApi('healthRules');
  const r = rules.data;
  return (
    <Page className="rules">
      {!r && <NotLoaded state={rules} title={strings.loadError} />}
      {r && (
        <>
          <Text className="section-title">{strings.colours}</Text>
          <View className="card result">
            <Text className="result__text">{strings.green}</Text>
            <Text className="result__text">{strings.toYellow(r.feverCelsius)}</Text>
            <Text className="result__text">{strings.toRed}</Text>
          </View>
          <Text className="section-title">{strings.backTitle}</Text>
          <View className="card result">
            <Text className="result__text">{strings.yellowBack(r.yellowNormalDays)}</Text>
            <Text className="result__text">{strings.redBack(r.redMinDays)}</Text>
            <Text className="muted">{strings.appeal}</Text>
          </View>
          <Text className="section-title">{strings.areasTitle}</Text>
          <View className="card">
            {r.riskAreas.length === 0 && <Text className="muted">{strings.noAreas}</Text>}
            {r.riskAreas.map((a) => (
              <View key={a.region} className="row row--stack">
                <Text>{a.region}</Text>
                <Text className="muted">
                  {a.note} · {a.since}
                  {strings.since}
                </Text>
              </View>
            ))}
          </View>
          <Text className="section-title">{strings.passTitle}</Text>
          <View className="card">
            {r.passRules.map((p) => (
              <View key={p.text} className="row row--stack">
                <Text className="strong">{COLOUR_LABELS[p.colour]}</Text>
                <Text>{p.text}</Text>
              </View>
            ))}
          </View>
          <Text className="section-title">{strings.codeTitle}</Text>
          <View className="card result">
            <Text className="result__text">{strings.code(r.tokenTtlSeconds)}</Text>
            <Text className="result__text">{strings.proxy(r.maxFamilyMembers)}</Text>
            <Text className="result__text">{strings.offline(r.offlineWindowHours)}</Text>
            <Text className="result__text">
              {strings.staleness(r.statusMaxStalenessMinutes, r.statusListRefreshSeconds)}
            </Text>
            <Text className="result__text">{strings.scannerOffline(r.scannerOfflineDays)}</Text>
            <Text className="result__text">{strings.paper(r.paperCodeDays)}</Text>
          </View>
        </>
      )}
    </Page>
  );
}
