import '../wiring';
import { router } from '../../lib/router';
import { notifyHandler } from '../wechatpay/entry';

/** WeChat Pay's notifications (public: the signature is the proof, not a session). */
export const handler = router({ wechatPayNotify: notifyHandler });
