import { router } from '../lib/router';
import * as admin from '../admin/handlers';
import * as directory from '../directory/handlers';
import * as auth from './handlers';

/** The sign-in, session and role-administration functions deployed (see serverless.yml). */

/** Sign-in: the only function holding the WeChat app secret. */
export const login = router({ login: auth.login });

/** The signed-in user and the directory of communities, stores and places. */
export const session = router({ me: auth.me, directory: directory.list });

/** Role grants and revokes by admins. */
export const admins = router({ getUser: admin.getUserById, grantRole: admin.grantRole, revokeRole: admin.revokeRole });
