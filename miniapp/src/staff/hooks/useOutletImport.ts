import { useState } from 'react';

import type { FieldViolation } from '@linli/shared';

import { pickCsvFile } from '../../device/csv-file';
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

/** What choosing a file said: its name and how many lines it has once read, or why it could not be read. */
export type PickedFile = { status: 'read'; name: string; lines: number } | { status: 'failed'; message: string } | null;

/**
 * CSV pasted in or read from a file (H5), sent whole: all rows imported, or none and every bad line listed (the API
 * checks them all). A chosen file's text lands in the same box, so staff see what will be sent.
 */
export function useOutletImport(onImported: () => void) {
  const [csv, setCsvText] = useState('');
  const [picked, setPicked] = useState<PickedFile>(null);
  const [state, setState] = useState<OutletImportState>({ status: 'idle' });
  const setCsv = (text: string) => {
    setCsvText(text);
    setPicked(null);
  };
  const chooseFile = () =>
    pickCsvFile(
      ({ name, text }) => {
        setCsvText(text);
        setPicked({ status: 'read', name, lines: text.split(/\r?\n/).filter((line) => line.trim()).length });
        setState({ status: 'idle' });
      },
      () => setPicked({ status: 'failed', message: '这个文件读不出来，请另存为 CSV 后再选，或把内容粘贴进来' }),
    );
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
  return { csv, setCsv, picked, chooseFile, state, send };
}
