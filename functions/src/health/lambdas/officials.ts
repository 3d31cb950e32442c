import { router } from '../../lib/router';
import * as appeals from '../appeals/handlers';
import { auditLog } from '../audit/handlers';
import * as disputes from '../disputes/handlers';
import { paperCode } from '../paper/handlers';
import * as review from '../review/handlers';
import { changeRiskAreas } from '../rulebook/handlers';
import * as trace from '../trace/handlers';

/** Health officials: appeals, status review, lookups, contact tracing, risk areas, the audit log; paper codes (officials and community workers). */
export const handler = router({
  healthAppeals: appeals.appeals,
  healthCloseAppeal: appeals.closeAppeal,
  healthDisputes: disputes.disputes,
  healthResolveDispute: disputes.resolveDispute,
  healthSetStatus: review.setStatus,
  healthLookup: review.lookup,
  healthTracePlace: trace.tracePlace,
  healthTraceResident: trace.traceResident,
  healthChangeRiskArea: changeRiskAreas,
  healthAuditLog: auditLog,
  healthPaperCode: paperCode,
});
