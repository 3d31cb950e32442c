import { router } from '../../lib/router';
import * as admin from '../../admin/handlers';
import * as people from '../../admin/people';

/** Role grants and revokes by admins. */
export const handler = router({
  getUser: admin.getUserById,
  grantRole: admin.grantRole,
  revokeRole: admin.revokeRole,
  findPerson: people.findPerson,
  findPersonByCode: people.findPersonByCode,
});
