import { useCallback, useState } from 'react';

import { useActions } from '../../hooks/useActions';
import { useRemoteData } from '../../hooks/useRemoteData';
import { fetchOutletReports, resolveOutletReport } from '../../services/outlets';

/** The open 信息有误 reports of the region, oldest first; resolving one takes it off the list. */
export function useOutletReports() {
  const load = useCallback(() => fetchOutletReports('open'), []);
  const reports = useRemoteData(load);
  const actions = useActions();
  const [resolutions, setResolutions] = useState<Record<string, string>>({});
  const resolve = (reportId: string) => {
    const resolution = (resolutions[reportId] ?? '').trim() || '已核实处理';
    actions.run(reportId, () => resolveOutletReport(reportId, resolution), {
      done: () => reports.update((items) => items.filter((item) => item.id !== reportId)),
      failed: () => reports.reloadQuietly(),
    });
  };
  return { ...reports, actions, resolutions, setResolution: (reportId: string, text: string) => setResolutions((current) => ({ ...current, [reportId]: text })), resolve };
}
