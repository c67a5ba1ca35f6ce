import { useState } from 'react';

import type { FieldViolation } from '@linli/shared';

import { ApiError } from '../../services/api-error';
import { importOutlets } from '../../services/outlets';

/** A bad line of an import as the API named it (`line 3`), ready to show: 第 3 行：类型“网吧”不是已知的网点类型. */
export interface ImportProblem {
  line: number | null;
  text: string;
}

export type OutletImportState =
  { status: 'idle' } | { status: 'pending' } | { status: 'imported'; count: number } | { status: 'refused'; message: string; problems: ImportProblem[] };

function problemsOf(error: ApiError): ImportProblem[] {
  const details = Array.isArray(error.details) ? (error.details as FieldViolation[]) : [];
  return details.map((detail) => {
    const line = /^line (\d+)$/.exec(detail.field);
    return line ? { line: Number(line[1]), text: `第 ${line[1]} 行：${detail.message}` } : { line: null, text: detail.message };
  });
}

/** CSV pasted in, sent whole: all rows imported, or none and every bad line listed (the API checks them all). */
export function useOutletImport(onImported: () => void) {
  const [csv, setCsv] = useState('');
  const [state, setState] = useState<OutletImportState>({ status: 'idle' });
  const send = () => {
    if (state.status === 'pending' || !csv.trim()) return;
    setState({ status: 'pending' });
    importOutlets(csv).then(
      (result) => {
        setState({ status: 'imported', count: result.imported });
        setCsv('');
        onImported();
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        setState({ status: 'refused', message: error.message, problems: problemsOf(error) });
      },
    );
  };
  return { csv, setCsv, state, send };
}
