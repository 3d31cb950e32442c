import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { plainItem } from '../lib/dynamo';
import { log } from '../lib/log';
import { templates } from './config';
import { messageFor } from './rules';
import { claim, finish, getOpenid } from './storage';
import type { SubscribeSender } from './wechat';

/** The strings, numbers and booleans of a stream image: all the rules read. */
const image = (raw: Record<string, AttributeValue> | undefined) => plainItem(raw as Parameters<typeof plainItem>[0]);

/** What became of one change record, for logs and tests. */
export type Outcome = 'ignored' | 'no-template' | 'not-subscribed' | 'already-done' | 'no-openid' | 'sent' | 'refused';

/** One change record: the message it means, one credit taken, WeChat asked, the send marked. */
export async function notifyOne(record: DynamoDBRecord, sender: SubscribeSender, nowMs: number): Promise<Outcome> {
  const at = new Date((record.dynamodb?.ApproximateCreationDateTime ?? nowMs / 1000) * 1000).toISOString();
  const message = messageFor(image(record.dynamodb?.OldImage), image(record.dynamodb?.NewImage), at);
  if (!message?.userId) return 'ignored';
  const templateId = templates()[message.topic];
  if (!templateId) return 'no-template';
  const eventId = record.eventID ?? `${record.dynamodb?.SequenceNumber}`;
  const claimed = await claim(eventId, message.userId, message.topic, nowMs);
  if (claimed === 'no-credit') return 'not-subscribed';
  if (claimed === 'done') return 'already-done';
  const openid = await getOpenid(message.userId);
  if (!openid) {
    await finish(eventId, 'dropped');
    return 'no-openid';
  }
  const outcome = await sender.send({
    touser: openid,
    template_id: templateId,
    page: message.page,
    data: message.data,
  });
  await finish(eventId, outcome === 'sent' ? 'sent' : 'dropped');
  log.info('subscribe message', { topic: message.topic, outcome });
  return outcome;
}

/**
 * A batch from the tables' streams, in order. The first record that fails (WeChat busy or
 * unreachable, DynamoDB) is reported with every one after it, so Lambda retries from there
 * (bisecting, then the dead-letter queue after its retries); the records before it are done.
 */
export async function notifyBatch(
  records: DynamoDBRecord[],
  sender: SubscribeSender,
  now: () => number = Date.now,
): Promise<DynamoDBBatchResponse> {
  for (const [i, record] of records.entries()) {
    try {
      await notifyOne(record, sender, now());
    } catch (err) {
      log.warn('subscribe message failed, retried from here', { error: (err as Error).message });
      return {
        batchItemFailures: records.slice(i).map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })),
      };
    }
  }
  return { batchItemFailures: [] };
}
