import { router } from '../../lib/router';
import * as admin from '../../admin/handlers';

/** Role grants and revokes by admins. */
export const handler = router({ getUser: admin.getUserById, grantRole: admin.grantRole, revokeRole: admin.revokeRole });
