import type { DynamoDBRecord } from 'aws-lambda';

/**
 * DynamoDB Streams' JSON API (DescribeStream, GetShardIterator, GetRecords) on DynamoDB Local,
 * spoken over plain HTTP: the same wire protocol as AWS (`X-Amz-Target: DynamoDBStreams_20120810.*`).
 * DynamoDB Local does not check signatures, only that a credential is named.
 */
export async function streamsCall<T>(endpoint: string, action: string, body: object): Promise<T> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDBStreams_20120810.${action}`,
      authorization:
        'AWS4-HMAC-SHA256 Credential=local/20200101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`DynamoDB Streams ${action}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

interface Shard {
  ShardId: string;
  SequenceNumberRange?: { StartingSequenceNumber?: string; EndingSequenceNumber?: string };
}

export async function describeShards(endpoint: string, streamArn: string): Promise<Shard[]> {
  const shards: Shard[] = [];
  let from: string | undefined;
  do {
    const out = await streamsCall<{ StreamDescription: { Shards?: Shard[]; LastEvaluatedShardId?: string } }>(
      endpoint,
      'DescribeStream',
      { StreamArn: streamArn, ...(from ? { ExclusiveStartShardId: from } : {}) },
    );
    shards.push(...(out.StreamDescription.Shards ?? []));
    from = out.StreamDescription.LastEvaluatedShardId;
  } while (from);
  return shards;
}

export async function shardIterator(
  endpoint: string,
  streamArn: string,
  shardId: string,
  type: 'TRIM_HORIZON' | 'LATEST' | 'AFTER_SEQUENCE_NUMBER' | 'AT_SEQUENCE_NUMBER',
  sequenceNumber?: string,
): Promise<string | undefined> {
  const out = await streamsCall<{ ShardIterator?: string }>(endpoint, 'GetShardIterator', {
    StreamArn: streamArn,
    ShardId: shardId,
    ShardIteratorType: type,
    ...(sequenceNumber ? { SequenceNumber: sequenceNumber } : {}),
  });
  return out.ShardIterator;
}

export async function getRecords(
  endpoint: string,
  iterator: string,
): Promise<{ records: DynamoDBRecord[]; next: string | undefined }> {
  const out = await streamsCall<{ Records?: DynamoDBRecord[]; NextShardIterator?: string }>(endpoint, 'GetRecords', {
    ShardIterator: iterator,
    Limit: 100,
  });
  return { records: out.Records ?? [], next: out.NextShardIterator };
}
