import { configure } from '@testing-library/react';

// findBy…/waitFor give up after 1 s by default: a page whose fixture server answers while a 2-core CI machine runs
// the API suites beside it can take longer than that, and the test then fails for no fault of the page. Five
// seconds is still far below the test timeout, so a page that never shows the text fails with its own message.
configure({ asyncUtilTimeout: 5000 });
