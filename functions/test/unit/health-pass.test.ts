import { passRule, scanDecision } from '@citycare/contract';

describe('pass rules by colour', () => {
  it('lets green through everywhere', () => {
    for (const kind of ['checkpoint', 'station', 'shop', 'bus', 'clinic'])
      expect(passRule('green', kind).pass).toBe(true);
  });
  it('stops yellow except at clinics', () => {
    expect(passRule('yellow', 'station').pass).toBe(false);
    expect(passRule('yellow', 'clinic').pass).toBe(true);
  });
  it('stops red everywhere', () => {
    for (const kind of ['checkpoint', 'station', 'clinic']) expect(passRule('red', kind).pass).toBe(false);
  });
});

describe('the scanner decision', () => {
  it('stops a code that did not verify, with the reason', () => {
    for (const problem of ['expired', 'bad-signature', 'unknown-key', 'malformed'] as const) {
      expect(scanDecision({ ok: false, problem }, 36.5, 37.3, 'checkpoint')).toMatchObject({
        result: 'stop',
        reason: problem,
      });
    }
  });
  it('stops a green code with a fever', () => {
    expect(scanDecision({ ok: true, colour: 'green' }, 37.3, 37.3, 'checkpoint')).toMatchObject({
      result: 'stop',
      reason: 'fever',
    });
  });
  it('passes a green code with a normal or unmeasured temperature', () => {
    expect(scanDecision({ ok: true, colour: 'green' }, 37.2, 37.3, 'bus').result).toBe('pass');
    expect(scanDecision({ ok: true, colour: 'green' }, undefined, 37.3, 'bus').result).toBe('pass');
  });
  it('stops yellow and red codes by colour', () => {
    expect(scanDecision({ ok: true, colour: 'yellow' }, 36.5, 37.3, 'shop')).toMatchObject({ reason: 'colour' });
    expect(scanDecision({ ok: true, colour: 'red' }, 36.5, 37.3, 'shop')).toMatchObject({ reason: 'colour' });
  });
});
