/**
 * `npm run secrets:init -- --stage <stage>`: before a stage's first deployment, creates its
 * secrets in SSM Parameter Store as SecureString under /citycare/<stage>/ — the session-signing
 * secret, the health-code signing keys and the ID-number pepper — without ever overwriting one
 * that exists, and checks that ops have put the WeChat app secret and the WeChat Pay keys there
 * (and that those parse). Values are never printed.
 */
import { parseArgs } from 'node:util';
import { generatedSecrets } from './lib/keys';
import { secretProblem, WECHATPAY_SECRETS, type WechatPaySecret } from '../functions/src/payments/wechatpay/config';

/** How ops put each WeChat Pay secret, from the files the merchant console gives (docs/operations.md). */
const WECHATPAY_HOWTO: Record<WechatPaySecret, string> = {
  'wechatpay-merchant-key': `"$(jq -n --arg s '<merchant certificate serial no>' --rawfile k apiclient_key.pem '{serialNo:$s,privateKeyPem:$k}')"`,
  'wechatpay-apiv3-key': `'<the 32-character APIv3 key set under 账户中心 > API安全>'`,
  'wechatpay-public-keys': `"$(jq -n --arg id 'PUB_KEY_ID_…' --rawfile k pub_key.pem '[{id:$id,publicKeyPem:$k}]')"`,
};

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
  // WeChat Pay's keys come from the merchant console; checked here (never printed), not made.
  for (const name of WECHATPAY_SECRETS) {
    const full = `${path}/${name}`;
    let value: string | undefined;
    try {
      value = (await ssm.send(new GetParameterCommand({ Name: full, WithDecryption: true }))).Parameter?.Value;
    } catch (err) {
      if ((err as Error).name !== 'ParameterNotFound') throw err;
    }
    const problem = value === undefined ? undefined : secretProblem(name, value);
    if (value !== undefined && !problem) {
      console.log(`found    ${full}`);
      continue;
    }
    console.log(value === undefined ? `missing  ${full}:` : `invalid  ${full}: ${problem}; replace it:`);
    console.log(
      `  aws ssm put-parameter --type SecureString --overwrite --name ${full} --value ${WECHATPAY_HOWTO[name]}`,
    );
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(`npm run secrets:init: ${(err as Error).message}`);
  process.exit(1);
});
