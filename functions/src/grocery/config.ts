import { requireEnv } from '../lib/env';
import type { Limit } from '../lib/limits';

/** The grocery domain's settings, from the function environment (config/grocery.yml via serverless.yml). */
export const groceryConfig = {
  get table(): string {
    return requireEnv('TABLE_GROCERY');
  },
  /** Share of every slot's places held for red/yellow households until its cutoff, 0..1. */
  get priorityShare(): number {
    const share = Number(requireEnv('GROCERY_PRIORITY_SHARE'));
    if (!(share >= 0 && share <= 1)) throw new Error('GROCERY_PRIORITY_SHARE must be between 0 and 1');
    return share;
  },
  /** Hours a worker's offline delivery confirmation may wait to sync (config/grocery.yml). */
  get deliveryOfflineWindowHours(): number {
    const hours = Number(requireEnv('GROCERY_OFFLINE_WINDOW_HOURS'));
    if (!(hours > 0)) throw new Error('GROCERY_OFFLINE_WINDOW_HOURS must be a positive number of hours');
    return hours;
  },
  /** Complaints one user may file a day (config/grocery.yml `limits.complaintsPerUser`). */
  get complaintsLimit(): Limit {
    const max = Number(requireEnv('GROCERY_LIMIT_COMPLAINTS'));
    if (!Number.isInteger(max) || max < 1) throw new Error('GROCERY_LIMIT_COMPLAINTS must be a positive integer');
    return {
      name: 'grocery.complaints.user',
      max,
      windowSeconds: 24 * 3600,
      message: '今天提交的投诉已经很多了，如有急事请拨打 12315 市场监管热线',
    };
  },
};
