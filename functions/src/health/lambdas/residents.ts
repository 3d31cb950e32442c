import { router } from '../../lib/router';
import * as h from '../handlers';

/** Residents: their household, registration, declarations, scans, appeals, place-code visits. */
export const handler = router({
  healthHousehold: h.household,
  healthRegister: h.registerSelf,
  healthAddFamily: h.addFamily,
  healthRemoveFamily: h.removeFamily,
  healthResident: h.resident,
  healthDeclare: h.declare,
  healthMyScans: h.myScans,
  healthAppeal: h.appeal,
  healthMyAppeals: h.myAppeals,
  healthVisit: h.visit,
});
