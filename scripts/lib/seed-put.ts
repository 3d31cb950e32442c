import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Puts `item` when `condition` (with its `values` and `names`) holds (by default: no row with its key yet); false when it did
 * not. Every seed write goes through it, so a second seeding adds nothing and keeps what users
 * changed.
 */
export async function putIf(
  doc: DynamoDBDocumentClient,
  table: string,
  item: object,
  condition = 'attribute_not_exists(pk)',
  values?: Record<string, unknown>,
  names?: Record<string, string>,
): Promise<boolean> {
  try {
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: item,
        ConditionExpression: condition,
        ExpressionAttributeValues: values && Object.keys(values).length ? values : undefined,
        ExpressionAttributeNames: names && Object.keys(names).length ? names : undefined,
      }),
    );
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}
