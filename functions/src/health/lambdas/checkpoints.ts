import { router } from '../../lib/router';
import { placeCode, placeCodes } from '../places/handlers';
import * as scans from '../scans/handlers';

/** Checkpoint and venue staff: scan uploads (online and offline batches), outsiders, place posters. */
export const handler = router({
  healthUploadScans: scans.uploadScans,
  healthAddOutsider: scans.addOutsider,
  healthOutsiders: scans.outsiders,
  healthPlaceCodes: placeCodes,
  healthPlaceCode: placeCode,
});
