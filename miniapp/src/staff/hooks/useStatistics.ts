import { useCallback, useMemo, useState } from 'react';
import { shanghaiDateOf } from '@linli/shared';

import { presetRange, rangeProblem } from '../forms/statistics-form';
import { fetchBookingsCsv, fetchStatistics } from '../../services/staff-admin';
import { useRemoteData } from '../../hooks/useRemoteData';
import { useCsvDownload } from '../../hooks/useCsvDownload';

import type { RangePreset } from '../forms/statistics-form';
import type { DateRange } from '../../services/staff-admin';

/** 统计: counts for a date range picked by a quick choice or typed, and the CSV export of one centre. */
export function useStatistics(now: Date = new Date()) {
  const today = useMemo(() => shanghaiDateOf(now), [now]);
  const [preset, setPresetState] = useState<RangePreset>('week');
  const [range, setRange] = useState<DateRange>(() => presetRange('week', today));
  const [typed, setTyped] = useState<DateRange>(range);
  const [rangeError, setRangeError] = useState<string | null>(null);

  const load = useCallback(() => fetchStatistics(range), [range]);
  const remote = useRemoteData(load);

  const setPreset = (next: RangePreset) => {
    setPresetState(next);
    setRangeError(null);
    if (next !== 'custom') {
      const picked = presetRange(next, today);
      setRange(picked);
      setTyped(picked);
    }
  };

  const applyTyped = () => {
    const trimmed = { from: typed.from.trim(), to: typed.to.trim() };
    const problem = rangeProblem(trimmed);
    setRangeError(problem);
    if (!problem) setRange(trimmed);
  };

  return { ...remote, preset, setPreset, range, typed, setTyped, applyTyped, rangeError };
}

/** H5 fetches the CSV with the session's token and saves it; weapp cannot open CSV files. */
export function useCsvExport(centreId: string | null, centreName: string, range: DateRange) {
  const download = useCsvDownload();
  const run = () => {
    if (!centreId) return download.fail('请先选择市民中心');
    download.run(() => fetchBookingsCsv(centreId, range), `预约-${centreName}-${range.from}-${range.to}.csv`);
  };
  return { state: download.state, run };
}
