import { useCallback, useEffect, useState } from 'react';

import { ApiError } from '../../services/api-error';
import { fetchServiceDetail } from '../../services/catalogue';
import { switchCentreService } from '../../services/staff-admin';
import { useRemoteData } from '../../hooks/useRemoteData';

import type { CentreService } from '../../services/staff-admin';
import type { SaveState } from './useScheduleEditor';

/** Whether residents can book the service at the centre now, and the centre's note to them. */
export function useServiceSwitch(target: CentreService) {
  const load = useCallback(async () => {
    const detail = await fetchServiceDetail(target.serviceId);
    const offered = detail?.centres.find((centre) => centre.centreId === target.centreId);
    return { enabled: offered !== undefined, notes: offered?.notes ?? '' };
  }, [target]);
  const remote = useRemoteData(load);
  const [enabled, setEnabled] = useState(true);
  const [notes, setNotes] = useState('');
  const [saving, setSaving] = useState<SaveState>({ status: 'idle' });

  const loaded = remote.state.status === 'ready' ? remote.state.data : null;
  useEffect(() => {
    if (!loaded) return;
    setEnabled(loaded.enabled);
    setNotes(loaded.notes);
  }, [loaded]);

  const save = () => {
    setSaving({ status: 'pending' });
    switchCentreService(target, enabled, notes.trim() || null).then(
      () => setSaving({ status: 'saved' }),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        setSaving({ status: 'failed', problems: [error.message] });
      },
    );
  };

  return { ...remote, enabled, setEnabled, notes, setNotes, save, saving };
}
