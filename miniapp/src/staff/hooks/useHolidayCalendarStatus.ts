import { useCallback } from 'react';

import type { HolidayCalendarStatus } from '@linli/shared';

import { ApiError } from '../../services/api-error';
import { fetchHolidayCalendarStatus } from '../../services/holiday-calendar';
import { useRemoteData } from '../../hooks/useRemoteData';

/**
 * The holiday calendar's status for an admin's console, or null: only city-level admins may load the calendar,
 * so the route answers FORBIDDEN to a district admin — for them there is nothing to warn about.
 */
export function useHolidayCalendarStatus(): HolidayCalendarStatus | null {
  const load = useCallback(
    () =>
      fetchHolidayCalendarStatus().catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'FORBIDDEN') return null;
        throw error;
      }),
    [],
  );
  const { state } = useRemoteData(load);
  return state.status === 'ready' ? state.data : null;
}
