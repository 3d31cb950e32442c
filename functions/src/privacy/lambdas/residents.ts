import { router } from '../../lib/router';
import * as privacy from '../handlers';

/** Residents' own data: 我的数据, the officials' reads of it, 注销. */
export const handler = router({
  privacyMyData: privacy.myData,
  privacyMyReads: privacy.myReads,
  privacyDeregister: privacy.deregister,
});
