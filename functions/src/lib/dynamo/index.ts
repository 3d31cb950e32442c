/**
 * The storage toolkit: the one client and the mechanics every domain's storage files share.
 * Domain code imports these and lib-dynamodb commands in its storage files; nothing else
 * imports `@aws-sdk`.
 */
export { db, isConditionFailure, onRequest, transactionReasons, type Consumed } from './client';
export { countAll, queryAll, queryPage } from './query';
export { getItem } from './get';
export { BATCH_GET_MAX, batchGetAll } from './batch';
export {
  cancellationReasons,
  plainItem,
  transact,
  transactIfUnchanged,
  TransactionCancelled,
  TRANSACT_MAX,
  type Reason,
  type Tagged,
  type TransactItem,
} from './transact';
export { auditKey, auditPut } from './audit';
export { conditionalUpdate, statusChange } from './status';
export { CONFLICT, isConflict, retryOnConflict } from './retry';
