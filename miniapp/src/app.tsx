import type { PropsWithChildren } from 'react';

import './app.scss';

export function App({ children }: PropsWithChildren) {
  return children;
}

// Taro's entry loader expects the app component as the default export.
export default App;
