import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { addCallBudget, clientDeadlines, SSM_DEADLINES } from './deadline';

/**
 * Reads one SecureString parameter. Imported statically and by name, so the bundle keeps only
 * this one command of the SSM client: a lazily imported client is bundled whole (esbuild cannot
 * tree-shake it), which measured 100 KB bigger and slower to load. The client is made on first use,
 * with deadlines (lib/deadline.ts): a slow SSM fails within 2 s and the secret cache serves its last good value.
 */
function makeClient(): SSMClient {
  const client = new SSMClient(clientDeadlines(SSM_DEADLINES));
  addCallBudget(client.middlewareStack, SSM_DEADLINES);
  return client;
}

let client: SSMClient | undefined;

export async function readParameter(name: string): Promise<string | undefined> {
  client ??= makeClient();
  const out = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  return out.Parameter?.Value;
}
