import { Button, Text, View } from '@tarojs/components';
import { loginWithCode } from '@/api';
import { ROLE_LABELS } from '@/lib/roles';

const strings = {
  title: '演示账号',
  note: '仅本地测试环境提供，点击即可登录',
  signingIn: '正在登录…',
};

type Account = (typeof DEMO_ACCOUNTS)[number];

function roleSummary(account: Account): string {
  return account.roles.map((g) => ROLE_LABELS[g.role]).join(' · ');
}

interface DemoAccountsProps {
  /** Key of the account being signed in, if any. */
  busy: string | null;
  onLogin: (key: string, login: () => Promise<unknown>) => void;
}

/** One big button per demo account of config/city.yml; the backend takes `dev:<key>` in local stages. */
export default function DemoAccounts({ busy, onLogin }: DemoAccountsProps) {
  return (
    <View className="login__demo">
      <Text className="section-title login__demo-title">{strings.title}</Text>
      <Text className="muted login__demo-note">{strings.note}</Text>
      {DEMO_ACCOUNTS.map((account) => (
        <Button
          key={account.key}
          className={`btn btn--plain login__account${busy ? ' btn--busy' : ''}`}
          onClick={() => onLogin(account.key, () => loginWithCode(`dev:${account.key}`, { quiet: true }))}
        >
          <View className="login__account-body">
            <Text className="login__account-name">{account.displayName}</Text>
            <Text className="login__account-roles">
              {busy === account.key ? strings.signingIn : roleSummary(account)}
            </Text>
          </View>
        </Button>
      ))}
    </View>
  );
}
