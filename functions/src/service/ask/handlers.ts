import { endpoint, Reply } from '../../lib/http';
import { fingerprint, idempotencyKey, storedReply } from '../../lib/idempotency';
import { take } from '../../lib/limits';
import { askLimit, serviceConfig } from '../config';
import { newConsultation } from '../rules';
import { consultationView } from '../views';
import { clock } from '../wiring';
import { newConsultationId, saveNew } from './storage';

/**
 * POST /service/consultations (serviceAsk): a resident opens a consultation. Idempotency-Key
 * required: a retry gets the first answer and stores nothing twice (and is not counted against
 * the day's limit); a few consultations a day per resident.
 */
export const ask = endpoint('serviceAsk', { roles: ['resident'] }, async ({ body, headers, caller }) => {
  const key = idempotencyKey(headers, true) as string;
  const scope = { userId: caller.userId, operation: 'service.ask', key, fingerprint: fingerprint(body) };
  const earlier = await storedReply(scope);
  if (earlier) return earlier as Reply<{ consultation: ReturnType<typeof consultationView> }>;
  const now = clock.now();
  const giveBack = await take(askLimit(), caller.userId, now);
  const config = serviceConfig();
  const item = newConsultation(
    {
      consultationId: newConsultationId(),
      residentId: caller.userId,
      category: body.category,
      question: body.question,
    },
    now,
    config,
  );
  const reply = new Reply(201, { consultation: consultationView(item, now, config) });
  try {
    const saved = await saveNew(item, scope, reply);
    if (saved.replayed) await giveBack();
    return saved.reply;
  } catch (err) {
    await giveBack();
    throw err;
  }
});
