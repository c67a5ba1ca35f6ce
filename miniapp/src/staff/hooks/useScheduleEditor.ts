import { useCallback, useEffect, useState } from 'react';
import { addDays, shanghaiDateOf } from '@linli/shared';

import type { ServiceSchedule } from '@linli/shared';

import { ApiError } from '../../services/api-error';
import { daysOf, emptyExceptionForm, exceptionOf, exceptionProblems, policyFormOf, policyOf, problemsOf, weeklyOf, weeklyProblems } from '../forms/schedule-form';
import { fetchSchedule, removeDateException, saveDateException, saveWeeklySchedule } from '../../services/staff-admin';
import { useRemoteData } from '../../hooks/useRemoteData';

import type { DayForm, ExceptionForm, PolicyForm } from '../forms/schedule-form';
import type { CentreService } from '../../services/staff-admin';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

import type { SaveState } from '../../forms/save-state';

/** Problems are shown next to the form, never in a pop-up; the staff hooks and components import the type from here. */
export type { SaveState };

export interface ScheduleEditor extends RemoteDataHandle<ServiceSchedule> {
  days: DayForm[];
  setDay: (day: DayForm) => void;
  policy: PolicyForm;
  setPolicy: (policy: PolicyForm) => void;
  save: () => void;
  saving: SaveState;
  exception: ExceptionForm;
  setException: (form: ExceptionForm) => void;
  addException: () => void;
  adding: SaveState;
  removeException: (date: string) => void;
}

/** Runs one change of the schedule: checks first, then sends, then shows the schedule the API answered with. */
function useScheduleChange(update: RemoteDataHandle<ServiceSchedule>['update']) {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const run = useCallback(
    (problems: string[], send: () => Promise<ServiceSchedule>, onSaved?: () => void) => {
      if (problems.length > 0) {
        setState({ status: 'failed', problems });
        return;
      }
      setState({ status: 'pending' });
      send().then(
        (saved) => {
          update(() => saved);
          setState({ status: 'saved' });
          onSaved?.();
        },
        (error: unknown) => {
          if (!(error instanceof ApiError)) throw error;
          setState({ status: 'failed', problems: problemsOf(error) });
        },
      );
    },
    [update],
  );
  return [state, run] as const;
}

/** 开放时间: the weekly hours and booking rules of one service at one centre, and its date exceptions. */
export function useScheduleEditor(target: CentreService, now: Date = new Date()): ScheduleEditor {
  const load = useCallback(() => fetchSchedule(target), [target]);
  const remote = useRemoteData(load);
  const [days, setDays] = useState<DayForm[]>([]);
  const [policy, setPolicy] = useState<PolicyForm>({ bookingWindowDays: '', minNoticeMinutes: '', cancelCutoffMinutes: '' });
  const [exception, setException] = useState<ExceptionForm>(() => emptyExceptionForm(addDays(shanghaiDateOf(now), 1)));
  const [saving, runSave] = useScheduleChange(remote.update);
  const [adding, runAdd] = useScheduleChange(remote.update);

  const loaded = remote.state.status === 'ready' ? remote.state.data : null;
  const loadedWeekly = loaded?.weekly;
  const loadedPolicy = loaded?.policy;
  useEffect(() => {
    if (loadedWeekly) setDays(daysOf(loadedWeekly));
  }, [loadedWeekly]);
  useEffect(() => {
    if (loadedPolicy) setPolicy(policyFormOf(loadedPolicy));
  }, [loadedPolicy]);

  const setDay = useCallback((day: DayForm) => setDays((current) => current.map((item) => (item.weekday === day.weekday ? day : item))), []);

  const save = () => {
    const weekly = weeklyOf(days);
    const checked = policyOf(policy);
    runSave([...weeklyProblems(weekly), ...checked.problems], () => saveWeeklySchedule(target, weekly, checked.policy));
  };

  const addException = () => {
    const candidate = exceptionOf(exception);
    runAdd(
      exceptionProblems(candidate),
      () => saveDateException(target, candidate),
      () => setException(emptyExceptionForm(exception.date)),
    );
  };

  const removeException = (date: string) => runAdd([], () => removeDateException(target, date));

  return { ...remote, days, setDay, policy, setPolicy, save, saving, exception, setException, addException, adding, removeException };
}
