/** WeChat Pay APIv3 objects, as its JSON spells them (only the fields CityCare reads). */

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

/** A payment order: the answer of a query, and the decrypted resource of TRANSACTION.SUCCESS. */
export interface Transaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: TradeState;
  trade_state_desc?: string;
  success_time?: string;
  payer?: { openid?: string };
  amount?: { total?: number; payer_total?: number; currency?: string; payer_currency?: string };
}

export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

/** A refund: the answer of a refund request, and the decrypted resource of REFUND.* notifications. */
export interface Refund {
  mchid?: string;
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  /** `status` in API answers, `refund_status` in notifications. */
  status?: RefundStatus;
  refund_status?: RefundStatus;
  success_time?: string;
  amount: { total: number; refund: number; payer_total?: number; payer_refund?: number; currency?: string };
}

/** The body of a notification WeChat Pay posts to notify_url. */
export interface NotificationBody {
  id: string;
  create_time: string;
  event_type: string;
  resource_type: string;
  summary?: string;
  resource: {
    original_type?: string;
    algorithm: string;
    ciphertext: string;
    nonce: string;
    associated_data?: string;
  };
}

/** The body of an error answer. */
export interface ErrorBody {
  code: string;
  message: string;
}
