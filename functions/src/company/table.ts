import { requireEnv } from '../lib/env';

/** The company table's name, from the function's environment (this domain's serverless.yml). */
export const companyTable = () => requireEnv('TABLE_COMPANY');
