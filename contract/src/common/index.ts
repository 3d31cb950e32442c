/**
 * The zod-free core both sides share: time in the city, money in fen, masking. The app imports
 * `@citycare/contract/src/common` (no zod in its bundle); the backend imports it through the
 * contract's index.
 */
export * from './time';
export * from './money';
export * from './mask';
