import * as z from 'zod';

/** Field schemas the grocery contract files share (not exported from the contract's index). */
export const Id = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '编号只能包含小写字母、数字和连字符');
export const Fen = z.number().int('金额以分为单位，必须是整数').min(0, '金额不能为负数');
export const IsoTime = z.iso.datetime({ message: '时间格式应为 ISO-8601（UTC）' });
