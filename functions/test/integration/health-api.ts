import * as appeals from '../../src/health/appeals/handlers';
import * as code from '../../src/health/code/handlers';
import * as declare from '../../src/health/declare/handlers';
import * as disputes from '../../src/health/disputes/handlers';
import * as register from '../../src/health/register/handlers';
import * as review from '../../src/health/review/handlers';
import * as rulebook from '../../src/health/rulebook/handlers';
import * as scans from '../../src/health/scans/handlers';
import * as trace from '../../src/health/trace/handlers';

/**
 * The health handlers (in their use-case folders) grouped by audience, as the tests call them:
 * residents' and the public routes, checkpoint staff's and officials', and the disputes queue.
 */
export const residentHandlers = {
  keys: rulebook.keys,
  rules: rulebook.rules,
  household: register.household,
  registerSelf: register.registerSelf,
  addFamily: register.addFamily,
  removeFamily: register.removeFamily,
  code: code.code,
  resident: review.resident,
  declare: declare.declare,
  myScans: scans.myScans,
  appeal: appeals.appeal,
  myAppeals: appeals.myAppeals,
  visit: scans.visit,
};

export const staffHandlers = {
  uploadScans: scans.uploadScans,
  addOutsider: scans.addOutsider,
  outsiders: scans.outsiders,
  appeals: appeals.appeals,
  closeAppeal: appeals.closeAppeal,
  setStatus: review.setStatus,
  lookup: review.lookup,
  tracePlace: trace.tracePlace,
  traceResident: trace.traceResident,
  changeRiskAreas: rulebook.changeRiskAreas,
};

export const disputeHandlers = { disputes: disputes.disputes, resolveDispute: disputes.resolveDispute };
