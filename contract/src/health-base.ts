import * as z from 'zod';
import { normaliseIdNumber, residentIdProblem } from './health-id';
import { COLOURS } from './health-labels';

/** Primitives shared by the health-code schemas. */

export const HealthColour = z.enum(COLOURS);
export type HealthColour = z.infer<typeof HealthColour>;

export const Id = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, '编号格式不正确');
export const PlaceId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '场所编号格式不正确');
export const Reason = z.string().trim().min(2, '请写明原因（至少 2 个字）').max(200, '原因请控制在 200 字以内');
export const Iso = z.iso.datetime({ message: '时间格式应为 ISO-8601（UTC）' });

export const PersonName = z
  .string()
  .trim()
  .min(2, '姓名至少 2 个字')
  .max(20, '姓名最多 20 个字')
  .regex(/^[\p{Script=Han}A-Za-z·• ]+$/u, '姓名只能包含汉字、字母和间隔号');

export const IdNumber = z
  .string()
  .transform(normaliseIdNumber)
  .superRefine((id, ctx) => {
    const problem = residentIdProblem(id);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const Phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位数字，以 1 开头');

export const Temperature = z
  .number({ message: '体温应为数字' })
  .min(34, '体温不在正常测量范围（34–43 °C）内，请重新测量')
  .max(43, '体温不在正常测量范围（34–43 °C）内，请重新测量');
