/**
 * The health code's enumerations and their Chinese labels. Plain data, no zod: the mini-program
 * imports this file at run time (`@citycare/contract/src/health-labels`).
 */

export const COLOURS = ['green', 'yellow', 'red'] as const;
export type Colour = (typeof COLOURS)[number];
export const COLOUR_LABELS: Record<Colour, string> = { green: '绿码', yellow: '黄码', red: '红码' };

export const SYMPTOMS = [
  'fever',
  'cough',
  'fatigue',
  'sore-throat',
  'short-breath',
  'diarrhoea',
  'taste-loss',
] as const;
export const SYMPTOM_LABELS: Record<(typeof SYMPTOMS)[number], string> = {
  fever: '发热',
  cough: '干咳',
  fatigue: '乏力',
  'sore-throat': '咽痛',
  'short-breath': '呼吸困难',
  diarrhoea: '腹泻',
  'taste-loss': '嗅觉味觉减退',
};

/** Contact in the last 14 days with a confirmed or suspected case. */
export const EXPOSURES = ['none', 'suspected', 'confirmed'] as const;
export const EXPOSURE_LABELS: Record<(typeof EXPOSURES)[number], string> = {
  none: '没有接触',
  suspected: '接触过疑似病例',
  confirmed: '接触过确诊病例',
};

export const RELATIONS = ['self', 'parent', 'grandparent', 'child', 'spouse', 'other'] as const;
export const RELATION_LABELS: Record<(typeof RELATIONS)[number], string> = {
  self: '本人',
  parent: '父母',
  grandparent: '祖辈',
  child: '子女',
  spouse: '配偶',
  other: '其他家人',
};
