import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RoleName, UserProfile } from '@citycare/contract';
import Page from '@/components/Page';
import { EmptyState, NotLoadedPage } from '@/components/StateView';
import { Chips, Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useMe } from '@/hooks/useMe';
import { hasRole, mayScope, needsScope, ROLE_LABELS, roleText } from '@/lib/roles';
import { maskId } from '@/lib/format';
import './index.css';

const strings = {
  loadError: '无法加载',
  notAdminTitle: '仅管理员可以管理角色',
  notAdminDesc: '如需开通，请联系上级管理员。',
  userIdLabel: '用户编号',
  userIdPlaceholder: '请输入对方的用户编号',
  lookup: '查询用户',
  roleLabel: '角色',
  scopeLabel: '范围编号',
  scopePlaceholder: '社区、卡点、商户或公司编号，如 zq-jianshe',
  serviceScopeHint: '不填：负责全部咨询类别；只负责一类时填写类别编号：health-code、grocery、utility、work、other',
  serviceScopePlaceholder: '可不填，如 health-code',
  grant: '授予角色',
  revoke: '撤销角色',
  working: '正在提交…',
  needUserId: '请填写用户编号',
  needScope: '该角色需要填写范围编号',
  badScope: '范围编号只能包含小写字母、数字和连字符',
  resultTitle: '用户当前身份',
  granted: '已授予',
  revoked: '已撤销',
  found: '查询结果',
};

/** Every role of the contract; resident (everyone's) last. */
const GRANTABLE = (Object.keys(ROLE_LABELS) as RoleName[])
  .sort((a, b) => Number(a === 'resident') - Number(b === 'resident'))
  .map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const SCOPE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

type Action = 'lookup' | 'grant' | 'revoke';
const RESULT_TITLES: Record<Action, string> = {
  lookup: strings.found,
  grant: strings.granted,
  revoke: strings.revoked,
};

export default function RolesPage() {
  const me = useMe();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<RoleName>('worker');
  const [scope, setScope] = useState('');
  const submit = useSubmit<Action>();
  const [result, setResult] = useState<{ action: Action; user: UserProfile } | null>(null);

  function check(action: Action): string {
    if (!userId.trim()) return strings.needUserId;
    if (action === 'lookup' || !(needsScope(role) || mayScope(role))) return '';
    if (!scope.trim()) return mayScope(role) ? '' : strings.needScope;
    return SCOPE_PATTERN.test(scope.trim()) ? '' : strings.badScope;
  }

  const send = (action: Action) =>
    submit.run(
      async () => {
        const id = userId.trim();
        const scoped = needsScope(role) || (mayScope(role) && scope.trim() !== '');
        const grant = scoped ? { role, scope: scope.trim() } : { role };
        setResult(null);
        const { user } =
          action === 'lookup'
            ? await api('getUser', { params: { userId: id }, quiet: true })
            : await api(action === 'grant' ? 'grantRole' : 'revokeRole', { body: { userId: id, grant }, quiet: true });
        setResult({ action, user });
      },
      { action, check: () => check(action) },
    );

  if (!me.data) return <NotLoadedPage state={me} title={strings.loadError} />;
  if (!hasRole(me.data.roles, 'admin')) {
    return (
      <Page>
        <EmptyState glyph="管" title={strings.notAdminTitle} description={strings.notAdminDesc} />
      </Page>
    );
  }

  const working = (action: Action) => ({ busy: submit.action === action, busyText: strings.working });
  return (
    <Page className="roles">
      <View className="card">
        <Field
          label={strings.userIdLabel}
          required
          className="roles__input"
          value={userId}
          placeholder={strings.userIdPlaceholder}
          onChange={setUserId}
        />
        <SubmitButton tone="plain" className="roles__lookup" onClick={() => send('lookup')} {...working('lookup')}>
          {strings.lookup}
        </SubmitButton>
      </View>

      <View className="card">
        <Field label={strings.roleLabel}>
          <Chips options={GRANTABLE} value={role} onChange={setRole} />
        </Field>
        {(needsScope(role) || mayScope(role)) && (
          <Field
            label={strings.scopeLabel}
            required={needsScope(role)}
            hint={needsScope(role) ? undefined : strings.serviceScopeHint}
            className="roles__input"
            value={scope}
            placeholder={needsScope(role) ? strings.scopePlaceholder : strings.serviceScopePlaceholder}
            onChange={setScope}
          />
        )}
        <FieldError>{submit.problem}</FieldError>
        <SubmitButton onClick={() => send('grant')} {...working('grant')}>
          {strings.grant}
        </SubmitButton>
        <SubmitButton tone="danger" onClick={() => send('revoke')} {...working('revoke')}>
          {strings.revoke}
        </SubmitButton>
      </View>

      {result && (
        <View className="card roles__result">
          <Text className="roles__result-title">
            {RESULT_TITLES[result.action]} · {strings.resultTitle}
          </Text>
          <Text className="roles__result-name">{result.user.displayName}</Text>
          <Text className="muted">{maskId(result.user.userId)}</Text>
          <View className="roles__held">
            {result.user.roles.map((g) => (
              <Text className="tag roles__chip--static" key={`${g.role}:${g.scope ?? ''}`}>
                {roleText(g)}
              </Text>
            ))}
          </View>
        </View>
      )}
    </Page>
  );
}
