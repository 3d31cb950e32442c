import { router } from '../../lib/router';
import * as auth from '../handlers';

/** Sign-in: the only function holding the WeChat app secret. */
export const handler = router({ login: auth.login });
