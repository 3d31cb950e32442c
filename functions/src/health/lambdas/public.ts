import { router } from '../../lib/router';
import * as h from '../handlers';

/** Public and cacheable: the JWKS scanners verify codes with, and the rule book. */
export const handler = router({ healthKeys: h.keys, healthRules: h.rules });
