import { router } from '../../lib/router';
import * as directory from '../../directory/handlers';
import * as auth from '../handlers';

/** The signed-in user and the directory of communities, stores and places. */
export const handler = router({ me: auth.me, directory: directory.list, personalCode: auth.personalCode });
