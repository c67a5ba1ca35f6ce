import { useState } from 'react';

import { ApiError } from '../services/api-error';
import { downloadCsv } from '../device/csv-download';

import type { SaveState } from '../forms/save-state';

/**
 * 导出 CSV on H5: the export is fetched with the session's token (a plain link would carry none) and saved as a file;
 * the state says it is on its way, saved, or why not. WeChat cannot open CSV files: pages offer it on H5 only.
 */
export function useCsvDownload(): { state: SaveState; run: (fetchCsv: () => Promise<string>, fileName: string) => void; fail: (problem: string) => void } {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const run = (fetchCsv: () => Promise<string>, fileName: string) => {
    setState({ status: 'pending' });
    fetchCsv().then(
      (text) => {
        downloadCsv(text, fileName);
        setState({ status: 'saved' });
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        setState({ status: 'failed', problems: [error.message] });
      },
    );
  };
  return { state, run, fail: (problem) => setState({ status: 'failed', problems: [problem] }) };
}
