import { requireEnv } from '../lib/env';

/** The health tables' names, from the function's environment (set in this domain's serverless.yml). */
export const healthTable = () => requireEnv('TABLE_HEALTH');
export const scansTable = () => requireEnv('TABLE_HEALTH_SCANS');
