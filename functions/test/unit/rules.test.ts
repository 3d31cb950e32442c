import { RoleGrant } from '@citycare/contract';
import {
  allows,
  hasScope,
  normaliseRoles,
  parseRoleKey,
  refuseRoleChange,
  roleKey,
  scopesOf,
} from '../../src/auth/rules';
import { redact } from '../../src/lib/log';

describe('role rules', () => {
  it('keys grants stably and parses them back', () => {
    expect(roleKey({ role: 'worker', scope: 'zq-jianshe' })).toBe('worker:zq-jianshe');
    expect(roleKey({ role: 'official' })).toBe('official');
    expect(parseRoleKey('store:st-xingfu')).toEqual({ role: 'store', scope: 'st-xingfu' });
    expect(parseRoleKey('admin')).toEqual({ role: 'admin' });
  });

  it('normalises: resident always present and first, duplicates dropped, the rest sorted', () => {
    expect(normaliseRoles([{ role: 'worker', scope: 'b' }, { role: 'admin' }, { role: 'worker', scope: 'b' }])).toEqual(
      [{ role: 'resident' }, { role: 'admin' }, { role: 'worker', scope: 'b' }],
    );
  });

  const worker = [{ role: 'resident' as const }, { role: 'worker' as const, scope: 'zq-jianshe' }];
  it('checks roles and scopes', () => {
    expect(allows(worker, [])).toBe(true);
    expect(allows(worker, ['worker'])).toBe(true);
    expect(allows(worker, ['admin', 'official'])).toBe(false);
    expect(hasScope(worker, 'worker', 'zq-jianshe')).toBe(true);
    expect(hasScope(worker, 'worker', 'zq-yingbin')).toBe(false);
    expect(scopesOf(worker, 'worker')).toEqual(['zq-jianshe']);
    expect(scopesOf(worker, 'store')).toEqual([]);
  });

  it('refuses only the changes that would lock someone out', () => {
    expect(refuseRoleChange('revoke', 'a', 'b', { role: 'resident' })).toBe('resident-is-permanent');
    expect(refuseRoleChange('revoke', 'a', 'a', { role: 'admin' })).toBe('own-admin');
    expect(refuseRoleChange('revoke', 'a', 'b', { role: 'admin' })).toBeNull();
    expect(refuseRoleChange('grant', 'a', 'a', { role: 'admin' })).toBeNull();
  });

  it('validates grants: scoped roles need a scope, others must not have one', () => {
    expect(RoleGrant.safeParse({ role: 'worker', scope: 'zq-jianshe' }).success).toBe(true);
    expect(RoleGrant.safeParse({ role: 'worker' }).success).toBe(false);
    expect(RoleGrant.safeParse({ role: 'admin', scope: 'x' }).success).toBe(false);
    expect(RoleGrant.safeParse({ role: 'mayor' }).success).toBe(false);
  });
});

describe('log redaction', () => {
  it('replaces credentials and personal data at any depth', () => {
    const out = JSON.stringify(
      redact({
        route: 'login',
        body: { code: 'wx-123', nested: { phone: '13800000000', idNumber: '210802199001011234' } },
        token: 'eyJ',
      }),
    );
    for (const secret of ['wx-123', '13800000000', '210802199001011234', 'eyJ']) expect(out).not.toContain(secret);
    expect(out).toContain('login');
  });
});
