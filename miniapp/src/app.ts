import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { getSession, startSilentLogin } from '@/api';
import './app.css';
import '@/components/form/form.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (!getSession()) startSilentLogin();
  });
  return children;
}

export default App;
