import { router } from '../../lib/router';
import * as groups from '../groups/handlers';

/** Group orders (卡点购物车): workers open and close them, residents join and pay their share. */
export const handler = router({
  groceryOpenGroup: groups.openGroup,
  groceryGroups: groups.groups,
  groceryGroup: groups.group,
  groceryJoinGroup: groups.joinGroup,
  groceryPayShare: groups.payShare,
  groceryCloseGroup: groups.closeGroup,
});
