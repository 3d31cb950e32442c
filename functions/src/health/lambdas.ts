import { router } from '../lib/router';
import * as h from './handlers';
import * as staff from './handlers-staff';

/** The health-code functions deployed (see serverless.yml), one per audience. */

/** Public and cacheable: the JWKS scanners verify codes with, and the rule book. */
export const publicInfo = router({ healthKeys: h.keys, healthRules: h.rules });

/** Showing the code: the hottest path of the city's morning, kept on its own. */
export const code = router({ healthCode: h.code });

/** Residents: their household, registration, declarations, scans, appeals, place-code visits. */
export const residents = router({
  healthHousehold: h.household,
  healthRegister: h.registerSelf,
  healthAddFamily: h.addFamily,
  healthResident: h.resident,
  healthDeclare: h.declare,
  healthMyScans: h.myScans,
  healthAppeal: h.appeal,
  healthVisit: h.visit,
});

/** Checkpoint and venue staff: scan uploads (online and offline batches) and outsiders. */
export const checkpoints = router({
  healthUploadScans: staff.uploadScans,
  healthAddOutsider: staff.addOutsider,
  healthOutsiders: staff.outsiders,
});

/** Health officials: appeals, status review, lookups, contact tracing, risk areas. */
export const officials = router({
  healthAppeals: staff.appeals,
  healthSetStatus: staff.setStatus,
  healthLookup: staff.lookup,
  healthTracePlace: staff.tracePlace,
  healthTraceResident: staff.traceResident,
  healthChangeRiskArea: staff.changeRiskAreas,
});
