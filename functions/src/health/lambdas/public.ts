import { router } from '../../lib/router';
import { keys, rules } from '../rulebook/handlers';
import { statusList } from '../status-list/handlers';

/** Public and cacheable: the JWKS scanners verify codes with, the signed status list, and the rule book. */
export const handler = router({ healthKeys: keys, healthRules: rules, healthStatusList: statusList });
