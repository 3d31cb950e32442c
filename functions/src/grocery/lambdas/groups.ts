import { router } from '../../lib/router';
import * as groups from '../handlers-groups';

/** Group orders (卡点购物车): workers open and close them, residents join and pay their share. */
export const handler = router({
  groceryOpenGroup: groups.open,
  groceryGroups: groups.list,
  groceryGroup: groups.detail,
  groceryJoinGroup: groups.join,
  groceryPayShare: groups.payMyShare,
  groceryCloseGroup: groups.close,
});
