import { router } from '../../lib/router';
import { code } from '../code/handlers';

/** Showing the code: the hottest path of the city's morning, kept on its own. */
export const handler = router({ healthCode: code });
