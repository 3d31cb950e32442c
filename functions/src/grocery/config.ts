import { requireEnv } from '../lib/env';

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
};
