import {
  AUDIT_ACTION_LABELS,
  COLOUR_LABELS,
  RELATION_LABELS,
  REPAIR_STATUS_LABELS,
  SERVICE_CATEGORY_LABELS,
  cityDateTime,
  maskName,
  yuanText,
  type AuditAction,
  type DataSection,
  type DeregisterRequest,
  type KeptItem,
  type MyReadView,
} from '@citycare/contract';
import type { Retention } from './config';

/** 我的数据, what stays after 注销, and the officials' reads as the resident sees them. Pure. */

type Row = Record<string, unknown>;

/** Everything held about one account, as read from the tables (privacy/storage.ts). */
export interface Held {
  user?: Row;
  /** The household partition of the health table: profiles (P#), declarations (D#), status changes (A#), appeals (AP#). */
  household: Row[];
  scans: Row[];
  orders: Row[];
  /** The utility household partition: linked accounts (LINK#), relief (RELIEF*). */
  utility: Row[];
  repairs: Row[];
  consultations: Row[];
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const when = (v: unknown) => (typeof v === 'string' && v ? cityDateTime(v) : '');
const field = (label: string, value: string) => ({ label, value: value || '—' });
const kind = (r: Row, prefix: string) => text(r.sk).startsWith(prefix);

function healthRecords(h: Held) {
  const names = new Map(h.household.filter((r) => kind(r, 'P#')).map((p) => [text(p.residentId), text(p.maskedName)]));
  const nameOf = (sk: unknown) => names.get(text(sk).split('#')[1] ?? '') ?? '';
  const profiles = h.household
    .filter((r) => kind(r, 'P#'))
    .map((p) => ({
      title: `健康码登记：${text(p.fullName)}`,
      fields: [
        field('关系', RELATION_LABELS[p.relation as keyof typeof RELATION_LABELS] ?? text(p.relation)),
        field('姓名', text(p.fullName)),
        field('身份证号', `${text(p.idMasked)}（只保存加密摘要，无法还原）`),
        field('手机号', text(p.phone)),
        field('社区', text(p.community)),
        field('健康码', COLOUR_LABELS[p.colour as keyof typeof COLOUR_LABELS] ?? text(p.colour)),
        field('登记时间', when(p.createdAt)),
        field('同意的隐私指引版本', p.consentVersion ? `${text(p.consentVersion)}（${when(p.consentAt)}）` : ''),
      ],
    }));
  const declarations = h.household
    .filter((r) => kind(r, 'D#'))
    .map((d) => ({
      title: `健康申报：${nameOf(d.sk)} ${text(d.date)}`,
      fields: [
        field('体温', `${text(d.temperature)} ℃`),
        field('申报时间', when(d.at)),
        field('结论', text(d.finding)),
      ],
    }));
  const changes = h.household
    .filter((r) => kind(r, 'A#'))
    .map((a) => ({
      title: `健康码变化：${nameOf(a.sk)}`,
      fields: [field('时间', when(a.at)), field('变为', text(a.to)), field('原因', text(a.reason))],
    }));
  const appeals = h.household
    .filter((r) => kind(r, 'AP#'))
    .map((a) => ({
      title: `纠错申请：${text(a.maskedName)}`,
      fields: [field('提交时间', when(a.createdAt)), field('理由', text(a.reason)), field('结果', text(a.decision))],
    }));
  const scans = h.scans.map((s) => ({
    title: `扫码记录：${text(s.placeName)}`,
    fields: [
      field('时间', when(s.at)),
      field('姓名', text(s.maskedName)),
      field('结果', s.result === 'pass' ? '通行' : '未通行'),
    ],
  }));
  return [...profiles, ...declarations, ...changes, ...appeals, ...scans];
}

/** What 我的数据 shows (and the JSON download holds): every record, in plain labels. */
export function sectionsOf(h: Held): DataSection[] {
  const account = h.user
    ? [{ title: '账号', fields: [field('称呼', text(h.user.displayName)), field('注册时间', when(h.user.createdAt))] }]
    : [];
  const orders = h.orders.map((o) => {
    const contact = (o.contact ?? {}) as Row;
    const address = (o.address ?? {}) as Row;
    return {
      title: `订单：${text(o.storeName)} ${when(o.createdAt)}`,
      fields: [
        field('联系人', text(contact.name)),
        field('电话', text(contact.phone)),
        field('地址', [address.building, address.unit, address.room].map(text).filter(Boolean).join(' ')),
        field('金额', typeof o.totalFen === 'number' ? yuanText(o.totalFen) : ''),
      ],
    };
  });
  const utility = [
    ...h.utility
      .filter((r) => kind(r, 'LINK#'))
      .map((l) => ({
        title: `已绑定户号：${text(l.accountNo)}`,
        fields: [
          field('单位', text(l.companyName)),
          field('户主', text(l.holderMasked)),
          field('绑定时间', when(l.linkedAt)),
        ],
      })),
    ...h.utility
      .filter((r) => text(r.sk) === 'RELIEF')
      .map((r) => ({
        title: '困难缓缴申请',
        fields: [field('困难情况', text(r.hardship)), field('申请时间', when(r.appliedAt))],
      })),
    ...h.repairs.map((r) => ({
      title: `报修：${text(r.companyName)}`,
      fields: [
        field('地址', text(r.address)),
        field('描述', text(r.description)),
        field('状态', REPAIR_STATUS_LABELS[r.status as keyof typeof REPAIR_STATUS_LABELS] ?? text(r.status)),
        field('提交时间', when(r.createdAt)),
      ],
    })),
  ];
  const consultations = h.consultations.map((c) => ({
    title: `咨询：${SERVICE_CATEGORY_LABELS[c.category as keyof typeof SERVICE_CATEGORY_LABELS] ?? text(c.category)}`,
    fields: [field('问题', text(c.question)), field('提交时间', when(c.createdAt))],
  }));
  return [
    { service: 'account', title: '账号', records: account },
    { service: 'health', title: '健康码', records: healthRecords(h) },
    { service: 'grocery', title: '买菜订单', records: orders },
    { service: 'utility', title: '水电气暖', records: utility },
    { service: 'service', title: '不见面服务', records: consultations },
  ];
}

/** What stays after 注销 (of `scope`), for how long and why: shown before and after. */
export function keptAfter(scope: DeregisterRequest['scope'], r: Retention): KeptItem[] {
  const kept: KeptItem[] = [
    {
      what: '工作人员查看您信息的审计记录（不含您的姓名、证件号）',
      days: r.auditDays,
      why: '用于监督工作人员依法查询，到期自动删除',
    },
    {
      what: '当天的操作次数计数（只有账号编号和次数）',
      days: 1,
      why: '防止借注销绕过每日次数限制，当天结束后自动删除',
    },
  ];
  if (scope === 'all') {
    kept.push(
      {
        what: '买菜订单（已删除联系人、电话、地址，只留商品和金额）',
        days: r.orderDays,
        why: '电子商务法要求交易记录保存不少于三年，到期自动删除',
      },
      {
        what: '水电气暖报修单（已删除与您账号的关联）',
        days: r.orderDays,
        why: '供水供电等单位的维修凭证，到期自动删除',
      },
    );
  }
  return kept;
}

const OFFICE: Record<string, string> = { health: '市卫生健康委员会' };

/** One audit row of an official's read, as the resident it was about sees it: office, masked official, when, why. */
export function myReadView(row: Row, residentName: string, officialName: string | undefined): MyReadView | undefined {
  const action = text(row.action);
  const label = AUDIT_ACTION_LABELS[action as AuditAction];
  if (!label) return undefined;
  const reason = text(row.reason);
  return {
    at: text(row.at),
    action,
    actionLabel: label,
    office: OFFICE[action.split('.')[0] ?? ''] ?? '政府部门',
    officialMasked: officialName ? `${maskName(officialName)}（工作人员）` : '工作人员',
    residentId: text(row.residentId),
    residentName,
    ...(reason ? { reason } : {}),
  };
}
