import { router } from '../../lib/router';
import { keys, rules } from '../rulebook/handlers';

/** Public and cacheable: the JWKS scanners verify codes with, and the rule book. */
export const handler = router({ healthKeys: keys, healthRules: rules });
