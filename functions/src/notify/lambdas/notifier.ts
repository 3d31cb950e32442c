import type { DynamoDBStreamHandler } from 'aws-lambda';
import { notifyBatch } from '../notifier';
import { subscribeSender } from '../wiring';

/**
 * The grocery, health and utility tables' streams: a change a resident subscribed to becomes a
 * WeChat subscribe message. Partial batch failures are reported (ReportBatchItemFailures).
 */
export const handler: DynamoDBStreamHandler = (event) => notifyBatch(event.Records, subscribeSender());
