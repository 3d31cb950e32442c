import { router } from '../../lib/router';
import { ask } from '../ask/handlers';
import { consultation, mine, reopen, reply } from '../conversation/handlers';

/** Residents: open a consultation, read their own, reply, reopen. */
export const handler = router({
  serviceAsk: ask,
  serviceMine: mine,
  serviceConsultation: consultation,
  serviceReply: reply,
  serviceReopen: reopen,
});
