import { router } from '../../lib/router';
import * as notify from '../handlers';

/** A resident's subscribe-message templates and the answers of the subscribe sheet. */
export const handler = router({ notifyTemplates: notify.listTemplates, notifySubscribe: notify.subscribe });
