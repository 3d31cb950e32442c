import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DirectoryKind, type DirectoryEntry } from '@citycare/contract';
import { db } from '../lib/dynamo';
import { directoryTable } from '../lib/env';
import { AppError } from '../lib/errors';
import { endpoint } from '../lib/http';

/** GET /directory/{kind}: the city's communities, stores, places ... for pickers and labels. */
export const list = endpoint('directory', {}, async ({ params }) => {
  const kind = DirectoryKind.safeParse(params.kind);
  if (!kind.success) throw new AppError('NOT_FOUND', '没有这类目录');
  const out = await db().send(
    new QueryCommand({
      TableName: directoryTable(),
      KeyConditionExpression: 'pk = :k',
      ExpressionAttributeValues: { ':k': kind.data },
    }),
  );
  const entries = (out.Items ?? []).map(({ pk: _pk, sk: _sk, ...rest }) => rest as DirectoryEntry);
  return { entries };
});
