import { router } from '../../lib/router';
import * as appeals from '../appeals/handlers';
import { declare } from '../declare/handlers';
import * as register from '../register/handlers';
import { resident, residentHistory } from '../review/handlers';
import { myScans, visit } from '../scans/handlers';

/** Residents: their household, registration, declarations, scans, appeals, place-code visits. */
export const handler = router({
  healthHousehold: register.household,
  healthRegister: register.registerSelf,
  healthAddFamily: register.addFamily,
  healthRemoveFamily: register.removeFamily,
  healthResident: resident,
  healthResidentHistory: residentHistory,
  healthDeclare: declare,
  healthMyScans: myScans,
  healthAppeal: appeals.appeal,
  healthMyAppeals: appeals.myAppeals,
  healthVisit: visit,
});
