import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { getSession, startSilentLogin } from '@/api';
import { startPrivacyCheck } from '@/lib/privacy';
import './app.css';
import '@/components/form/form.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    startPrivacyCheck();
    if (!getSession()) startSilentLogin();
  });
  return children;
}

export default App;
