import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rsaSign, rsaVerify } from '../../src/payments/wechatpay/crypto';
import { parsePublicKeys, secretProblem, WECHATPAY_SECRETS } from '../../src/payments/wechatpay/config';
import { ensureLocalKeys, ensureWechatPayKeys } from '../../../scripts/lib/keys';
import { simKeysFrom, startLocalWechatPaySim } from '../../../scripts/lib/wechatpay-sim-local';
import { wechatPayClient } from '../../src/payments/wechatpay/client';
import { parseMerchantKey } from '../../src/payments/wechatpay/config';

describe('local WeChat Pay key material (.keys/)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'citycare-wxpay-keys-'));
  const made = ensureLocalKeys(dir);
  const read = (name: string) => readFileSync(join(dir, name), 'utf8').trim();

  it('is made once, readable only by its owner, in the format the backend reads', () => {
    expect(made).toEqual(expect.arrayContaining([...WECHATPAY_SECRETS, 'wechatpay-sim-platform-key']));
    expect(ensureWechatPayKeys(dir)).toEqual([]);
    for (const name of WECHATPAY_SECRETS) {
      expect(secretProblem(name, read(name))).toBeUndefined();
      expect(statSync(join(dir, name)).mode & 0o077).toBe(0);
    }
  });

  it('gives the backend the simulator’s public key under the simulator’s key id, and the simulator the merchant’s', () => {
    const sim = simKeysFrom(dir);
    const backendKeys = parsePublicKeys(read('wechatpay-public-keys'));
    expect([...backendKeys.keys()]).toEqual([sim.platform.id]);
    const signature = rsaSign(sim.platform.privateKeyPem, 'timestamp\nnonce\nbody\n');
    expect(rsaVerify(backendKeys.get(sim.platform.id) ?? '', 'timestamp\nnonce\nbody\n', signature)).toBe(true);

    const merchant = JSON.parse(read('wechatpay-merchant-key')) as { serialNo: string; privateKeyPem: string };
    expect(sim.merchantSerialNo).toBe(merchant.serialNo);
    expect(rsaVerify(sim.merchantPublicKeyPem, 'm\n', rsaSign(merchant.privateKeyPem, 'm\n'))).toBe(true);
    expect(sim.apiV3Key).toBe(read('wechatpay-apiv3-key'));
  });

  it('lets the local stack’s simulator (config/local.yml) take the local merchant’s signed orders', async () => {
    const sim = await startLocalWechatPaySim(dir, 'local', 0);
    try {
      const mchId = '1900000109';
      const client = wechatPayClient({
        apiBase: sim.url,
        mchId,
        appId: 'wx0000000000000000',
        notifyUrl: 'http://127.0.0.1:9/notify',
        timeoutMs: 2500,
        merchant: { mchId, ...parseMerchantKey(read('wechatpay-merchant-key')) },
        apiV3Key: read('wechatpay-apiv3-key'),
        publicKeys: parsePublicKeys(read('wechatpay-public-keys')),
      });
      const order = {
        outTradeNo: 'PLOCAL000001',
        description: '测试',
        amountFen: 100,
        openid: 'o-1',
        timeExpire: new Date(Date.now() + 60_000),
      };
      expect(await client.jsapi(order)).toMatch(/^wx/);
    } finally {
      await sim.close();
    }
  });
});

describe('checking WeChat Pay secrets (secrets:init and the functions)', () => {
  it('names what is wrong without quoting the value', () => {
    const cases: [(typeof WECHATPAY_SECRETS)[number], string, RegExp][] = [
      ['wechatpay-apiv3-key', 'too-short-secret', /32 printable/],
      ['wechatpay-merchant-key', '{"serialNo":"XYZ","privateKeyPem":"x"}', /serial/],
      ['wechatpay-merchant-key', 'secret-not-json', /not valid JSON/],
      ['wechatpay-public-keys', '[]', /no key/],
      ['wechatpay-public-keys', '[{"id":"PUB_KEY_ID_1","publicKeyPem":"secret-garbage"}]', /./],
    ];
    for (const [name, value, message] of cases) {
      const problem = secretProblem(name, value) ?? '';
      expect(problem).toMatch(message);
      expect(problem).not.toContain('secret-');
    }
  });
});
