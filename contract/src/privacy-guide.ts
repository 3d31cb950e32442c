/**
 * The 隐私保护指引 (privacy guide) the app shows, versioned. Plain data, no zod: the mini-program
 * imports this file at run time (`@citycare/contract/src/privacy-guide`). The retention numbers
 * are config's (config/health-rules.yml, service.yml, privacy.yml); a unit test holds them equal.
 */

export { PRIVACY_VERSION } from './privacy-version';

/** Days things are kept, as configured (privacy-guide.test.ts compares them with config/*.yml). */
export const RETENTION_DAYS = {
  /** Scans, visits, outsiders and daily declarations: health-rules.yml recordTtlDays. */
  records: 28,
  /** Closed consultations: service.yml closedTtlDays. */
  consultations: 180,
  /** Orders and repair requests kept anonymised after 注销: privacy.yml orderRetentionDays. */
  orders: 1095,
  /** Officials' reads of a resident kept after 注销: privacy.yml auditRetentionDays. */
  audit: 1095,
} as const;

export interface GuideSection {
  service: string;
  collected: string;
  why: string;
  where: string;
  howLong: string;
  whoSees: string;
  deleting: string;
}

const D = RETENTION_DAYS;

export const PRIVACY_GUIDE: GuideSection[] = [
  {
    service: '账号',
    collected: '微信给的匿名编号（openid）、您的称呼',
    why: '识别是您本人登录',
    where: '营口市政务云（中国境内）的数据库，加密存储',
    howLong: '直到您注销',
    whoSees: '只有您自己；管理员授予工作身份时看到称呼',
    deleting: '我的 → 我的数据 → 注销全部服务',
  },
  {
    service: '健康码',
    collected:
      '姓名、身份证号、手机号、所在社区；家人的姓名和身份证号；每日健康申报（体温、症状、行程、接触史）；健康码颜色的变化',
    why: '按防疫规则生成健康码、核验身份、流行病学调查',
    where: '同上。身份证号只保存不可还原的加密摘要（带密钥的哈希）和打码后的号码，不保存原号',
    howLong: `健康申报 ${D.records} 天后自动删除；登记信息直到您注销或移除家人`,
    whoSees:
      '您和您代办的家人；卫健部门工作人员因复核、流调查询时可见，每次查看都会记录，您可在“谁查看了我的信息”里看到',
    deleting: '健康码页移除家人；我的 → 我的数据 → 注销健康码',
  },
  {
    service: '扫码与场所登记',
    collected: '在卡点、场所、公交出租车扫码的时间、地点、结果；外来人员登记的姓名、电话、来源地、事由、体温',
    why: '通行核验和密切接触者追踪',
    where: '同上',
    howLong: `${D.records} 天后自动删除`,
    whoSees: '卡点工作人员只看到打码后的姓名和电话；卫健部门流调时可见，查看有记录',
    deleting: '到期自动删除；注销健康码时立即删除您的扫码记录',
  },
  {
    service: '平价买菜',
    collected: '订单商品、金额、收货人、电话、地址、配送时间',
    why: '备货、配送、收款和售后',
    where: '同上；微信支付的交易由微信支付处理',
    howLong: `注销后删除收货人、电话、地址，只留商品和金额 ${D.orders} 天（电子商务法要求交易记录保存不少于三年）`,
    whoSees: '商户和本社区配送员看到打码后的联系人和电话；市场监管部门处理投诉时可见',
    deleting: '我的 → 我的数据 → 注销全部服务',
  },
  {
    service: '生活缴费',
    collected: '您绑定的水电气暖户号、缓缴申请说明、报修内容',
    why: '查账单、缴费、缓缴审核和维修',
    where: '同上',
    howLong: `注销后解除绑定、删除缓缴申请；报修单去除与您的关联后保留 ${D.orders} 天`,
    whoSees: '对应的供水、供电、供气、供暖单位工作人员',
    deleting: '我的 → 我的数据 → 注销全部服务',
  },
  {
    service: '不见面服务（咨询）',
    collected: '您的咨询问题和对话内容',
    why: '市民服务中心答复您的咨询',
    where: '同上',
    howLong: `结束后 ${D.consultations} 天自动删除`,
    whoSees: '市民服务中心对应类别的工作人员',
    deleting: '我的 → 我的数据 → 注销全部服务',
  },
  {
    service: '工作人员查看记录',
    collected: '哪个部门的工作人员、在何时、因何原因查看了您的信息',
    why: '监督工作人员依法查询，保护您的权益',
    where: '同上',
    howLong: `注销后保留 ${D.audit} 天，到期自动删除（只有随机编号，不含您的姓名和证件号）`,
    whoSees: '您本人（我的 → 谁查看了我的信息），卫健部门的审计人员',
    deleting: '到期自动删除',
  },
];
