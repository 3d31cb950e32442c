import { forbidden } from '../../lib/errors';
import { endpoint, Reply } from '../../lib/http';
import { metric } from '../../lib/metrics';
import { NOT_YOURS } from '../access';
import { declarationView, residentView, ruleNumbers } from '../views';
import { clock } from '../wiring';
import { declaration } from './rules';
import { saveDeclaration } from './storage';

/** POST /health/declarations (healthDeclare): today's declaration; the status follows the rules. */
export const declare = endpoint('healthDeclare', {}, async ({ body, caller }) => {
  const saved = await saveDeclaration(caller.userId, body.residentId, (profile, riskAreas) =>
    declaration(body, profile.state, { ...ruleNumbers(), riskAreas }, clock.now().toISOString()),
  );
  if (!saved) throw forbidden(NOT_YOURS);
  metric('HealthDeclarations');
  const { item, findingText } = saved.declared;
  return new Reply(201, {
    declaration: { ...declarationView(item), findingText },
    resident: residentView(saved.profile, item.at),
  });
});
