import { router } from '../../lib/router';
import { gateCode, gateCounts } from '../gate/handlers';
import { get, mine, register, resubmitCompany } from '../register/handlers';

/** Company representatives (and, for one company's page, its district's officials). */
export const handler = router({
  companyRegister: register,
  companyMine: mine,
  companyGet: get,
  companyResubmit: resubmitCompany,
  companyGateCode: gateCode,
  companyGateCounts: gateCounts,
});
