import { endpoint } from '../lib/http';
import { templates } from './config';
import { creditsFromReport } from './rules';
import { addCredits } from './storage';

/** GET /notify/templates: the template id of each topic, for `requestSubscribeMessage`. */
export const listTemplates = endpoint('notifyTemplates', {}, async () => ({ templates: templates() }));

/**
 * POST /notify/subscriptions: what the subscribe sheet answered. Each accept of a template
 * this app has allows one message of its topic; rejects and unknown ids add nothing.
 */
export const subscribe = endpoint('notifySubscribe', {}, async ({ caller, body }) => {
  const topics = creditsFromReport(body.results, templates());
  return { credits: await addCredits(caller.userId, topics) };
});
