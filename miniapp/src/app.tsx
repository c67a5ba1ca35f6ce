import { useEffect } from 'react';

import type { PropsWithChildren } from 'react';

import { labelNavigationBar } from './components/navigation-bar';

import './app.scss';

export function App({ children }: PropsWithChildren) {
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') labelNavigationBar();
  }, []);
  return children;
}

// Taro's entry loader expects the app component as the default export.
export default App;
