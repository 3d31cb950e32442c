import { emfLine, metric } from '../../src/lib/metrics';
import { scrub } from '../../src/lib/log';
import { withRequest } from '../../src/lib/context';

describe('business metrics (CloudWatch Embedded Metric Format)', () => {
  it('writes one EMF document: namespace, Stage dimension, a Count, and the request id', async () => {
    const line = await withRequest({ requestId: 'req-1', route: 'groceryCheckout' }, async () =>
      emfLine('GroceryOrdersPlaced', 2, 'prod', new Date('2020-02-10T00:00:00Z')),
    );
    expect(JSON.parse(line)).toEqual({
      _aws: {
        Timestamp: Date.parse('2020-02-10T00:00:00Z'),
        CloudWatchMetrics: [
          { Namespace: 'CityCare', Dimensions: [['Stage']], Metrics: [{ Name: 'GroceryOrdersPlaced', Unit: 'Count' }] },
        ],
      },
      Stage: 'prod',
      GroceryOrdersPlaced: 2,
      requestId: 'req-1',
    });
  });

  it('prints nothing where no stage is set for metrics (the local stack), or for a zero count', () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      delete process.env.METRICS_STAGE;
      metric('HealthScans');
      process.env.METRICS_STAGE = 'prod';
      metric('HealthScans', 0);
      expect(write).not.toHaveBeenCalled();
      metric('HealthScans', 3);
      expect(write).toHaveBeenCalledTimes(1);
      expect(String(write.mock.calls[0]?.[0])).toContain('"HealthScans":3');
    } finally {
      write.mockRestore();
      delete process.env.METRICS_STAGE;
    }
  });
});

describe('scrubbing free text', () => {
  it.each([
    ['an 18-character ID number', 'lookup 21080219900101123X failed', '21080219900101123X'],
    ['a 15-digit old ID number', 'id 210802900101123 refused', '210802900101123'],
    ['a mobile number with +86', 'sms to +86 13812341234', '13812341234'],
    ['a bearer token', 'Authorization: Bearer abc.def.ghi', 'abc.def.ghi'],
    ['a JWT anywhere', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', 'eyJhbGciOiJIUzI1NiJ9'],
    ['a name inside echoed JSON', 'bad item {"holderName":"孟庆华","accountNo":"1"}', '孟庆华'],
  ])('removes %s', (_what, text, secret) => {
    expect(scrub(text)).not.toContain(secret);
  });

  it('keeps what operators need: timestamps, amounts, account numbers, ids', () => {
    const text = 'order o200210abc at 1581292800000 for 12345 fen, account 3010020001';
    expect(scrub(text)).toBe(text);
  });
});
