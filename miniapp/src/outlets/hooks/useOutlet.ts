import { useCallback, useState } from 'react';

import type { OutletReportReason, OutletView } from '@linli/shared';

import { useRemoteData } from '../../hooks/useRemoteData';
import { ApiError } from '../../services/api-error';
import { fetchOutlet, reportOutlet } from '../../services/outlets';

import type { RemoteDataHandle } from '../../hooks/useRemoteData';

export type ReportState = { status: 'idle' } | { status: 'sending' } | { status: 'sent' } | { status: 'failed'; message: string };

export interface OutletHandle extends RemoteDataHandle<OutletView | null> {
  report: ReportState;
  sendReport: (reason: OutletReportReason, note: string) => void;
}

/** One outlet, and the resident's 信息有误 about it (sent once; a second tap while sending sends nothing). */
export function useOutlet(outletId: string): OutletHandle {
  const load = useCallback(() => fetchOutlet(outletId), [outletId]);
  const outlet = useRemoteData(load);
  const [report, setReport] = useState<ReportState>({ status: 'idle' });
  const sendReport = (reason: OutletReportReason, note: string) => {
    if (report.status === 'sending') return;
    setReport({ status: 'sending' });
    reportOutlet(outletId, reason, note.trim()).then(
      () => setReport({ status: 'sent' }),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        setReport({ status: 'failed', message: error.message });
      },
    );
  };
  return { ...outlet, report, sendReport };
}
