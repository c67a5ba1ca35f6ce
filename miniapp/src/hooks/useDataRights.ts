import { useCallback, useState } from 'react';

import { ApiError } from '../services/api-error';
import { deleteMyAccount, exportMyData } from '../services/profile';

export type ExportState = { status: 'idle' } | { status: 'pending' } | { status: 'ready'; json: string } | { status: 'failed'; message: string };

export type DeletionState = { status: 'idle' } | { status: 'confirming' } | { status: 'pending' } | { status: 'failed'; message: string };

export interface DataRightsHandle {
  exported: ExportState;
  runExport: () => void;
  hideExport: () => void;
  deletion: DeletionState;
  askDelete: () => void;
  cancelDelete: () => void;
  /** On success the session is gone and the page shows its signed-out state. */
  confirmDelete: () => void;
}

/** The resident's PIPL rights: see everything we hold (export) and have it erased (delete the account). */
export function useDataRights(): DataRightsHandle {
  const [exported, setExported] = useState<ExportState>({ status: 'idle' });
  const [deletion, setDeletion] = useState<DeletionState>({ status: 'idle' });

  const runExport = useCallback(() => {
    setExported({ status: 'pending' });
    exportMyData().then(
      (data) => setExported({ status: 'ready', json: JSON.stringify(data, null, 2) }),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        setExported({ status: 'failed', message: error.message });
      },
    );
  }, []);

  const confirmDelete = useCallback(() => {
    setDeletion({ status: 'pending' });
    deleteMyAccount().catch((error: unknown) => {
      if (!(error instanceof ApiError)) throw error;
      setDeletion({ status: 'failed', message: error.message });
    });
  }, []);

  return {
    exported,
    runExport,
    hideExport: useCallback(() => setExported({ status: 'idle' }), []),
    deletion,
    askDelete: useCallback(() => setDeletion({ status: 'confirming' }), []),
    cancelDelete: useCallback(() => setDeletion({ status: 'idle' }), []),
    confirmDelete,
  };
}
