import { router } from '../../lib/router';
import * as staff from '../handlers-staff';

/** Checkpoint and venue staff: scan uploads (online and offline batches) and outsiders. */
export const handler = router({
  healthUploadScans: staff.uploadScans,
  healthAddOutsider: staff.addOutsider,
  healthOutsiders: staff.outsiders,
});
