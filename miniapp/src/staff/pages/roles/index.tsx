import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { PersonMatch, RoleName, UserProfile } from '@citycare/contract';
import { SCOPE_DIRECTORY } from '@citycare/contract/src/role-names';
import { SERVICE_CATEGORY_LABELS } from '@citycare/contract/src/service-labels';
import DirectoryPicker from '@/components/DirectoryPicker';
import Page from '@/components/Page';
import { EmptyState, NotLoadedPage } from '@/components/StateView';
import { Chips, Field, FieldError, SubmitButton, useSubmit } from '@/components/form';
import { api } from '@/api';
import { useMe } from '@/hooks/useMe';
import { hasRole, mayScope, needsScope, ROLE_LABELS, roleText } from '@/lib/roles';
import { maskName } from '@citycare/contract/src/common';
import FindPerson from './FindPerson';
import './index.css';

const strings = {
  loadError: '无法加载',
  notAdminTitle: '仅管理员可以管理角色',
  notAdminDesc: '如需开通，请联系上级管理员。',
  forWhom: (who: string) => `为 ${who} 授予或撤销角色`,
  roleLabel: '角色',
  scopeLabel: '范围',
  serviceScopeLabel: '咨询类别',
  serviceScopeHint: '不选：负责全部咨询类别；只负责一类时点选',
  allCategories: '全部类别',
  grant: '授予角色',
  revoke: '撤销角色',
  working: '正在提交…',
  needScope: '该角色需要选择范围',
  resultTitle: '当前身份',
  granted: '已授予',
  revoked: '已撤销',
};

/** Every role of the contract; resident (everyone's) last. */
const GRANTABLE = (Object.keys(ROLE_LABELS) as RoleName[])
  .sort((a, b) => Number(a === 'resident') - Number(b === 'resident'))
  .map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const CATEGORIES = [
  { value: '', label: strings.allCategories },
  ...Object.entries(SERVICE_CATEGORY_LABELS).map(([value, label]) => ({ value, label })),
];
const SCOPE_LABELS: Record<keyof typeof SCOPE_DIRECTORY, string> = {
  worker: '社区或村',
  checkpoint: '卡点或场所',
  store: '商户',
  utility: '公用事业公司',
  resumption: '区县',
};

type Action = 'grant' | 'revoke';

export default function RolesPage() {
  const me = useMe();
  const [person, setPerson] = useState<PersonMatch>();
  const [role, setRole] = useState<RoleName>('worker');
  const [scope, setScope] = useState('');
  const submit = useSubmit<Action>();
  const [result, setResult] = useState<{ action: Action; user: UserProfile } | null>(null);

  const pickPerson = (p: PersonMatch | undefined) => {
    setPerson(p);
    setResult(null);
  };
  const pickRole = (r: RoleName) => {
    setRole(r);
    setScope('');
  };
  const send = (action: Action) =>
    submit.run(
      async () => {
        if (!person) return;
        const scoped = needsScope(role) || (mayScope(role) && scope !== '');
        const grant = scoped ? { role, scope } : { role };
        setResult(null);
        const { user } = await api(action === 'grant' ? 'grantRole' : 'revokeRole', {
          body: { userId: person.userId, grant },
          quiet: true,
        });
        setResult({ action, user });
        setPerson({ ...person, roles: user.roles });
      },
      { action, check: () => (needsScope(role) && !scope ? strings.needScope : '') },
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
  const directory = needsScope(role) ? SCOPE_DIRECTORY[role] : undefined;
  return (
    <Page className="roles">
      <FindPerson picked={person} onPick={pickPerson} />

      {person && (
        <View className="card roles__change">
          <Text className="card__title">{strings.forWhom(person.maskedName)}</Text>
          <Field label={strings.roleLabel}>
            <Chips options={GRANTABLE} value={role} onChange={pickRole} />
          </Field>
          {directory && needsScope(role) && (
            <DirectoryPicker
              key={directory}
              kind={directory}
              label={SCOPE_LABELS[role]}
              required
              className="roles__scope"
              value={scope || undefined}
              onChange={(e) => setScope(e?.id ?? '')}
            />
          )}
          {mayScope(role) && (
            <Field label={strings.serviceScopeLabel} hint={strings.serviceScopeHint}>
              <Chips options={CATEGORIES} value={scope} onChange={setScope} />
            </Field>
          )}
          <FieldError>{submit.problem}</FieldError>
          <SubmitButton onClick={() => send('grant')} {...working('grant')}>
            {strings.grant}
          </SubmitButton>
          <SubmitButton tone="danger" onClick={() => send('revoke')} {...working('revoke')}>
            {strings.revoke}
          </SubmitButton>
        </View>
      )}

      {result && (
        <View className="card roles__result">
          <Text className="roles__result-title">
            {result.action === 'grant' ? strings.granted : strings.revoked} · {strings.resultTitle}
          </Text>
          <Text className="roles__result-name">{maskName(result.user.displayName)}</Text>
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
