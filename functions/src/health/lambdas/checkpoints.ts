import { router } from '../../lib/router';
import * as scans from '../scans/handlers';

/** Checkpoint and venue staff: scan uploads (online and offline batches) and outsiders. */
export const handler = router({
  healthUploadScans: scans.uploadScans,
  healthAddOutsider: scans.addOutsider,
  healthOutsiders: scans.outsiders,
});
