/**
 * `npm run secrets:init -- --stage <stage>`: before a stage's first deployment, creates its
 * secrets in SSM Parameter Store as SecureString under /citycare/<stage>/ — the session-signing
 * secret, the health-code signing keys and the ID-number pepper — without ever overwriting one
 * that exists, and checks that ops have put the WeChat app secret there. Values are never printed.
 */
import { parseArgs } from 'node:util';
import { generatedSecrets } from './lib/keys';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { stage: { type: 'string' } } });
  const stage = values.stage;
  if (!stage || stage === 'local') {
    throw new Error(
      'usage: npm run secrets:init -- --stage <deployed stage> (the local stage keeps its keys in .keys/)',
    );
  }
  const { SSMClient, PutParameterCommand, GetParameterCommand } = await import('@aws-sdk/client-ssm');
  const ssm = new SSMClient({});
  const path = `/citycare/${stage}`;
  for (const [name, make] of Object.entries(generatedSecrets(stage))) {
    try {
      await ssm.send(
        new PutParameterCommand({ Name: `${path}/${name}`, Value: make(), Type: 'SecureString', Overwrite: false }),
      );
      console.log(`created  ${path}/${name}`);
    } catch (err) {
      if ((err as Error).name !== 'ParameterAlreadyExists') throw err;
      console.log(`kept     ${path}/${name} (already there)`);
    }
  }
  const wechat = `${path}/wechat-app-secret`;
  try {
    await ssm.send(new GetParameterCommand({ Name: wechat }));
    console.log(`found    ${wechat}`);
  } catch (err) {
    if ((err as Error).name !== 'ParameterNotFound') throw err;
    console.log(`missing  ${wechat}: put the AppSecret from the WeChat console (mp.weixin.qq.com) there:`);
    console.log(`  aws ssm put-parameter --type SecureString --name ${wechat} --value '<AppSecret>'`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(`npm run secrets:init: ${(err as Error).message}`);
  process.exit(1);
});
