import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addCallBudget, clientDeadlines, dynamoDeadlines } from '../deadline';
import { optionalEnv } from '../env';

/**
 * The one DynamoDB client of a function. `DYNAMODB_ENDPOINT` points it at DynamoDB Local;
 * unset, it talks to the region's DynamoDB. Every call has a deadline (lib/deadline.ts): a
 * slow or throttled table answers 503/429 within about 3 s, never at the function's timeout.
 */
function makeClient(): DynamoDBDocumentClient {
  const endpoint = optionalEnv('DYNAMODB_ENDPOINT');
  const local = endpoint
    ? {
        endpoint,
        region: process.env.AWS_REGION ?? 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }
    : {};
  const deadlines = dynamoDeadlines();
  const base = new DynamoDBClient({ ...local, ...clientDeadlines(deadlines) });
  addCallBudget(base.middlewareStack, deadlines);
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
}

let client: DynamoDBDocumentClient | undefined;
export function db(): DynamoDBDocumentClient {
  client ??= makeClient();
  return client;
}

/** True when a conditional write was refused because its condition did not hold. */
export function isConditionFailure(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === 'ConditionalCheckFailedException';
}

/** True when a transaction was cancelled; `reasons` lists each item's cancellation code. */
export function transactionReasons(err: unknown): string[] | undefined {
  const e = err as { name?: string; CancellationReasons?: { Code?: string }[] } | null;
  if (e?.name !== 'TransactionCanceledException') return undefined;
  return (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
}

/** Capacity units a request consumed, as DynamoDB reports them (`ReturnConsumedCapacity`). */
export interface Consumed {
  command: string;
  units: number;
}

/**
 * Calls `listener` with the name of every command this process sends to DynamoDB and the
 * capacity units it consumed (for the bench's request and capacity counts). Returns a function
 * that removes it.
 */
export function onRequest(listener: (request: Consumed) => void): () => void {
  const name = `count-${Math.random().toString(36).slice(2)}`;
  type Units = { CapacityUnits?: number };
  const sum = (c: Units | Units[] | undefined) =>
    (Array.isArray(c) ? c : c ? [c] : []).reduce((n, u) => n + (u.CapacityUnits ?? 0), 0);
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity = 'TOTAL';
      const command = String(context.commandName ?? 'unknown');
      try {
        const result = await next(args);
        listener({ command, units: sum((result.output as { ConsumedCapacity?: Units }).ConsumedCapacity) });
        return result;
      } catch (err) {
        // A refused conditional write or cancelled transaction still consumed capacity.
        listener({ command, units: sum((err as { ConsumedCapacity?: Units }).ConsumedCapacity) });
        throw err;
      }
    },
    { step: 'initialize', name },
  );
  return () => db().middlewareStack.remove(name);
}
