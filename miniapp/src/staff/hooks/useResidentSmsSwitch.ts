import { useCallback, useState } from 'react';

import type { ResidentProfile } from '@linli/shared';

import { ApiError } from '../../services/api-error';
import { switchSmsNotifications } from '../../services/staff-residents';

import type { SaveState } from './useScheduleEditor';

export interface ResidentSmsSwitch {
  /** Whether messages about the resident also go by SMS, as the API last answered. */
  enabled: boolean;
  /** SMS goes to the phone on the record: without one it cannot be switched on. */
  hasPhone: boolean;
  saving: SaveState;
  /** Switches to the other state in one tap. */
  toggle: () => void;
}

/**
 * 短信提醒 for the resident picked at the desk (PUT /staff/residents/{id}/sms-notifications): staff switch it for an
 * elder registered earlier without typing her phone again, with the elder's or family's consent (decision 0020).
 * `onSwitched` gets the record the API answered, for whoever else shows it.
 */
export function useResidentSmsSwitch(resident: ResidentProfile, onSwitched?: (updated: ResidentProfile) => void): ResidentSmsSwitch {
  const [enabled, setEnabled] = useState(resident.smsNotifications);
  const [saving, setSaving] = useState<SaveState>({ status: 'idle' });

  const toggle = useCallback(() => {
    setSaving({ status: 'pending' });
    switchSmsNotifications(resident.id, !enabled).then(
      (updated) => {
        setEnabled(updated.smsNotifications);
        setSaving({ status: 'saved' });
        onSwitched?.(updated);
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        setSaving({ status: 'failed', problems: [error.message] });
      },
    );
  }, [resident.id, enabled, onSwitched]);

  return { enabled, hasPhone: resident.phoneMasked !== null, saving, toggle };
}
