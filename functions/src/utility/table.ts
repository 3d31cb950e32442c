import { requireEnv } from '../lib/env';

/** The utility table's name, from the function's environment (set in this domain's serverless.yml). */
export const utilityTable = () => requireEnv('TABLE_UTILITY');
