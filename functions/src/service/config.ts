import { requireEnv } from '../lib/env';
import type { Limit } from '../lib/limits';

/** The service centre's settings (config/service.yml through serverless.yml's environment). */
export interface ServiceConfig {
  slaGreenHours: number;
  slaAmberHours: number;
  reopenDays: number;
  closedTtlDays: number;
  messagesPerConsultation: number;
}

function positive(name: string): number {
  const n = Number(requireEnv(name));
  if (!(n > 0)) throw new Error(`${name} must be a positive number`);
  return n;
}

let config: ServiceConfig | undefined;

export function serviceConfig(): ServiceConfig {
  config ??= {
    slaGreenHours: positive('SERVICE_SLA_GREEN_HOURS'),
    slaAmberHours: positive('SERVICE_SLA_AMBER_HOURS'),
    reopenDays: positive('SERVICE_REOPEN_DAYS'),
    closedTtlDays: positive('SERVICE_CLOSED_TTL_DAYS'),
    messagesPerConsultation: positive('SERVICE_LIMIT_MESSAGES'),
  };
  return config;
}

/** Consultations one resident may open a day (config/service.yml `limits.consultationsPerResident`). */
export function askLimit(): Limit {
  const max = positive('SERVICE_LIMIT_CONSULTATIONS');
  return {
    name: 'service.ask.resident',
    max,
    windowSeconds: 24 * 3600,
    message: '今天提交的咨询已经很多了，急事请拨打 12345 市民服务热线',
  };
}
