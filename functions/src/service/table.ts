import { requireEnv } from '../lib/env';

/** The service table's name, from the function's environment (set in this domain's serverless.yml). */
export const serviceTable = () => requireEnv('TABLE_SERVICE');
