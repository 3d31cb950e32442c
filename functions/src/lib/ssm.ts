import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

/**
 * Reads one SecureString parameter. Imported statically and by name, so the bundle keeps only
 * this one command of the SSM client: a lazily imported client is bundled whole (esbuild cannot
 * tree-shake it), which measured 100 KB bigger and slower to load. The client is made on first use.
 */
let client: SSMClient | undefined;

export async function readParameter(name: string): Promise<string | undefined> {
  client ??= new SSMClient({});
  const out = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  return out.Parameter?.Value;
}
