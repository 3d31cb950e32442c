import { router } from '../../lib/router';
import * as staff from '../handlers-staff';
import * as disputes from '../handlers-disputes';

/** Health officials: appeals, status review, lookups, contact tracing, risk areas. */
export const handler = router({
  healthAppeals: staff.appeals,
  healthCloseAppeal: staff.closeAppeal,
  healthDisputes: disputes.disputes,
  healthResolveDispute: disputes.resolveDispute,
  healthSetStatus: staff.setStatus,
  healthLookup: staff.lookup,
  healthTracePlace: staff.tracePlace,
  healthTraceResident: staff.traceResident,
  healthChangeRiskArea: staff.changeRiskAreas,
});
