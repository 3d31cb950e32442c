import { router } from '../../lib/router';
import * as h from '../handlers';

/** Showing the code: the hottest path of the city's morning, kept on its own. */
export const handler = router({ healthCode: h.code });
