import { ErrorBody, RuleBookResponse } from '@citycare/contract';
import { residentHandlers as h } from './health-api';
import { frozen, inject, timed } from './faults-inject';
import { registeredUser } from './health-helpers';

/**
 * Reads a resident needs at a gate degrade instead of failing: with the database frozen, the
 * health code and the rule book are served from the instance's last good values, with their age
 * in `x-cache-age`, within the deadline; with no good value yet, the answer is 503.
 */
describe('the health code and the rule book with a frozen database', () => {
  it('signs a fresh code from the last good profile and says how old it is', async () => {
    const me = await registeredUser('fc');
    const code = { method: 'GET', token: me.token, params: { residentId: me.resident.residentId } };
    const healthy = await timed(h.code, code);
    expect(healthy.status).toBe(200);
    expect(healthy.headers['x-cache-age']).toBeUndefined();

    inject(frozen, ['GetItem', 'Query']);
    const degraded = await timed(h.code, code);
    expect(degraded.status).toBe(200);
    expect(Number(degraded.headers['x-cache-age'])).toBeGreaterThanOrEqual(0);
    expect(degraded.body).toMatchObject({ colour: healthy.body.colour, maskedName: healthy.body.maskedName });
    expect(degraded.body.token).toEqual(expect.any(String));
    expect(degraded.ms).toBeLessThan(4000);

    // The next scan within seconds does not wait out another deadline.
    const next = await timed(h.code, code);
    expect(next.status).toBe(200);
    expect(next.headers['x-cache-age']).toBeDefined();
    expect(next.ms).toBeLessThan(1000);
  });

  it('answers 503 with Retry-After for a code it never read while healthy', async () => {
    const me = await registeredUser('fc');
    inject(frozen, ['GetItem']);
    const res = await timed(h.code, { method: 'GET', token: me.token, params: { residentId: me.resident.residentId } });
    expect(res.status).toBe(503);
    expect(ErrorBody.parse(res.body).error.code).toBe('TRY_AGAIN');
    expect(res.headers['retry-after']).toBe('1');
    expect(res.ms).toBeLessThan(4000);
  });

  it('serves the rule book with its risk areas from the last good read', async () => {
    const healthy = await timed(h.rules, { method: 'GET' });
    expect(healthy.status).toBe(200);
    inject(frozen, ['GetItem', 'Query']);
    const degraded = await timed(h.rules, { method: 'GET' });
    expect(degraded.status).toBe(200);
    expect(degraded.headers['x-cache-age']).toBeDefined();
    expect(RuleBookResponse.parse(degraded.body).riskAreas).toEqual(RuleBookResponse.parse(healthy.body).riskAreas);
    expect(degraded.ms).toBeLessThan(4000);
  });
});
