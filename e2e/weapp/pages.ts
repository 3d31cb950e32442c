import type { Role } from './fixtures';

/**
 * Every page of the weapp build, opened the way the app opens it: as the role that uses it, with
 * the query its links pass, and the text a person must see once it has loaded (from the page's
 * own strings and from the fixture backend's answers, e.g. 王*兰 or 营口市自来水公司).
 */
export interface PageCase {
  route: string;
  role: Role;
  query?: Record<string, string>;
  text: string[];
  /** setData calls allowed per idle second (a clock on screen ticks once a second). */
  ticksPerSecond?: number;
}

/** The queries the app's links pass, by the fixture backend's ids. */
const RESIDENT_1 = { residentId: 'resident-1' };
const ACCOUNT = { accountNo: '1000012345' };
const XINGFU = { storeId: 'st-xingfu' };
const XINGFU_JIANSHE = { storeId: 'st-xingfu', communityId: 'zq-jianshe' };
const GROUP_1 = { groupId: 'group-1' };
const CONSULTATION_1 = { consultationId: 'consultation-1' };

export const PAGE_CASES: PageCase[] = [
  { route: 'pages/home/index', role: 'resident', text: ['王秀兰，早上好', '健康码', '平价买菜', '生活缴费'] },
  {
    route: 'pages/health/index',
    role: 'resident',
    text: ['绿码', '王*兰', '后自动刷新', '状态变更记录'],
    ticksPerSecond: 1,
  },
  { route: 'pages/grocery/index', role: 'resident', text: ['平价买菜 送到家门口', '幸福便民超市'] },
  { route: 'pages/bills/index', role: 'resident', text: ['我的户号', '营口市自来水公司', '¥12.80'] },
  { route: 'pages/me/index', role: 'resident', text: ['王秀兰', '我的身份', '居民', '退出登录'] },
  { route: 'pages/login/index', role: 'resident', text: ['营口市民服务', '微信一键登录'] },
  { route: 'bills/pages/link/index', role: 'resident', text: ['户主姓名', '绑定'] },
  {
    route: 'bills/pages/account/index',
    role: 'resident',
    query: ACCOUNT,
    text: ['当前欠费', '站前区建设街 12 号', '查看分期计划'],
  },
  { route: 'bills/pages/relief/index', role: 'resident', text: ['将覆盖的户号', '1000022345', '提交申请'] },
  { route: 'bills/pages/plan/index', role: 'resident', query: ACCOUNT, text: ['还款计划', '第 3 期'] },
  { route: 'bills/pages/repair/index', role: 'resident', text: ['报修类别', '我的报修', '已受理'] },
  { route: 'health/pages/register/index', role: 'resident', text: ['身份证号', '建设社区', '提交申领'] },
  { route: 'health/pages/declare/index', role: 'resident', query: RESIDENT_1, text: ['今日体温（°C）', '提交申报'] },
  { route: 'health/pages/family/index', role: 'resident', text: ['已添加的家人', '刘*福', '添加家人'] },
  { route: 'health/pages/rules/index', role: 'resident', text: ['三种颜色是怎么来的', '当前风险地区', '站前区'] },
  {
    route: 'health/pages/appeal/index',
    role: 'resident',
    query: RESIDENT_1,
    // The form shows only without an open appeal, so the text every state has.
    text: ['卫健工作人员会复核', '我的纠错申请'],
  },
  { route: 'health/pages/scans/index', role: 'resident', query: RESIDENT_1, text: ['陆屯卡点', '通行'] },
  { route: 'health/pages/place-scan/index', role: 'resident', query: RESIDENT_1, text: ['扫描场所码', '登记'] },
  {
    route: 'grocery/pages/store/index',
    role: 'resident',
    query: XINGFU_JIANSHE,
    text: ['限价 ¥12.80', '每户每天限购 3 斤', '去结算'],
  },
  { route: 'grocery/pages/checkout/index', role: 'resident', query: XINGFU_JIANSHE, text: ['购物车是空的'] },
  {
    route: 'grocery/pages/order/index',
    role: 'resident',
    query: { orderId: 'order-1' },
    text: ['取货码', '482913', '订单进度'],
  },
  { route: 'grocery/pages/orders/index', role: 'resident', text: ['幸福便民超市', '2 种商品', '商户已接单'] },
  {
    route: 'grocery/pages/group/index',
    role: 'resident',
    query: GROUP_1,
    text: ['已有 3 户参加', '我的份额', '选购商品'],
  },
  { route: 'worker/pages/index/index', role: 'worker', text: ['我负责的社区', '建设社区', '配送任务'] },
  { route: 'worker/pages/deliveries/index', role: 'worker', text: ['送达确认已全部上传', '无接触：放在门口'] },
  { route: 'worker/pages/groups/index', role: 'worker', text: ['开一个团购', '报名中'] },
  { route: 'worker/pages/bulk-pay/index', role: 'worker', text: ['建设社区 欠费住户', '王*兰', '请勾选要代缴的住户'] },
  {
    route: 'worker/pages/group/index',
    role: 'worker',
    query: GROUP_1,
    text: ['汇总（向商店下单的数量）', '王秀兰', '截止并统一下单'],
  },
  { route: 'staff/pages/index/index', role: 'admin', text: ['管理员', '为工作人员开通或撤销角色。'] },
  { route: 'staff/pages/roles/index', role: 'admin', text: ['找到要授权的人', '手机号后四位', '扫对方的个人码'] },
  {
    route: 'staff/pages/utility-desk/index',
    role: 'utility',
    query: { company: 'ut-water' },
    text: ['缓缴审核', '停供操作', '报修工单'],
  },
  { route: 'staff/pages/utility-reviews/index', role: 'utility', text: ['困难说明', '疫情期间停工', '驳回'] },
  { route: 'staff/pages/utility-disconnect/index', role: 'utility', text: ['营口市自来水公司', '查询'] },
  { route: 'staff/pages/utility-protected/index', role: 'utility', text: ['导出 CSV 名单', '共 2 户'] },
  { route: 'staff/pages/utility-import/index', role: 'utility', text: ['从聊天记录选择 CSV 文件', '导入'] },
  { route: 'staff/pages/utility-repairs/index', role: 'utility', text: ['厨房水管漏水', '受理', '派单'] },
  { route: 'staff/pages/scan/index', role: 'checkpoint', text: ['陆屯卡点', '扫描健康码', '外来人员登记 ›'] },
  {
    route: 'staff/pages/outsiders/index',
    role: 'checkpoint',
    query: { placeId: 'cp-lutun' },
    text: ['近 24 小时登记', '138****1234', '劝返'],
  },
  { route: 'staff/pages/review/index', role: 'official', text: ['待处理的纠错申请', '风险地区名单', '王*兰'] },
  {
    route: 'staff/pages/trace/index',
    role: 'official',
    text: ['查询原因（必填，记入审计）', '某居民近 14 天去过哪里', '最近 24 小时', '开始时间'],
  },
  {
    route: 'staff/pages/audit/index',
    role: 'official',
    text: ['工作人员编号', '陈静', '查询场所到访记录', '只看此人'],
  },
  { route: 'staff/pages/store-desk/index', role: 'store', text: ['幸福便民超市', '送货时段与拣货单', '商品与价格'] },
  { route: 'staff/pages/store-orders/index', role: 'store', query: XINGFU, text: ['待处理', '接单', '备货完成'] },
  {
    route: 'staff/pages/store-catalogue/index',
    role: 'store',
    query: XINGFU,
    text: ['上架新商品', '限价 ¥12.80', '修改'],
  },
  { route: 'staff/pages/store-slots/index', role: 'store', query: XINGFU, text: ['送货时段', '新增'] },
  {
    route: 'staff/pages/store-picklist/index',
    role: 'store',
    query: { storeId: 'st-xingfu', slotId: 'slot-1' },
    text: ['备货总数', '分拣清单（按社区、楼、单元）', '刘德福'],
  },
  {
    route: 'staff/pages/market-complaints/index',
    role: 'regulator',
    text: ['投诉于 2月10日 07:30', '订单状态：商户已接单', '标记为已处理'],
  },
  {
    route: 'service/pages/index/index',
    role: 'resident',
    text: ['我要咨询', '热线与专家', '我的咨询', '家里老人不会用手机买菜，社区能帮忙代买吗？'],
  },
  { route: 'service/pages/ask/index', role: 'resident', text: ['咨询类别', '您的问题', '提交咨询'] },
  {
    route: 'service/pages/consultation/index',
    role: 'resident',
    query: CONSULTATION_1,
    text: ['健康码', '等待答复', '一户每日限购一次', '服务中心', '发送'],
  },
  // The fixture directory's entries are of no hotline group: the page's own text and its empty state.
  { route: 'service/pages/hotlines/index', role: 'resident', text: ['直接打电话', '暂无热线'] },
  {
    route: 'staff/pages/service-queue/index',
    role: 'service',
    text: ['等得最久的在最前', '已等待 3 分钟', '家里老人不会用手机买菜，社区能帮忙代买吗？', '水电气暖与救济'],
  },
  {
    route: 'staff/pages/service-consultation/index',
    role: 'service',
    query: CONSULTATION_1,
    text: ['答复居民', '转交给其他类别', '关闭咨询', '一户每日限购一次'],
  },
  { route: 'privacy/pages/guide/index', role: 'resident', text: ['营口市民服务隐私保护指引', '保存多久', '怎样删除'] },
  {
    route: 'privacy/pages/data/index',
    role: 'resident',
    text: ['下载我的数据（JSON 文件）', '注销全部服务并删除账号'],
  },
  { route: 'privacy/pages/reads/index', role: 'resident', text: ['卫健等部门的工作人员每次查看', '查看对象'] },
  { route: 'staff/pages/paper-code/index', role: 'worker', text: ['为没有智能手机的居民打印纸质健康码', '生成纸质码'] },
  // Place posters and 复工复产: the pages' own text (the fixture's sample answers vary in state).
  { route: 'staff/pages/place-poster/index', role: 'checkpoint', text: ['旧版未签名的场所码已停用'] },
  { route: 'staff/pages/company/index', role: 'company', text: ['企业复工前须登记防控方案', '登记新企业'] },
  { route: 'staff/pages/company-form/index', role: 'company', text: ['统一社会信用代码', '提交审核'] },
  {
    route: 'staff/pages/company-detail/index',
    role: 'company',
    query: { companyId: 'co-1' },
    text: ['统一社会信用代码', '复工人数'],
  },
  { route: 'staff/pages/company-review/index', role: 'resumption', text: ['按提交时间先后排列'] },
];
