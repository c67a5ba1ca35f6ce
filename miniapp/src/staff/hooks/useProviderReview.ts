import Taro from '@tarojs/taro';
import { useState } from 'react';
import { nextProviderStatuses, PROVIDER_DECISIONS_NEEDING_REASON, PROVIDER_STATUSES, providerDecision } from '@linli/shared';

import type { ProviderDecision, ProviderStatus, ProviderView } from '@linli/shared';

import { fetchRegionProviders, setProviderStatus } from '../../services/providers';
import { PROVIDER_MESSAGES } from '../../texts/provider-messages';
import { EMPTY_REASON, reasonProblem, reasonText } from '../../forms/reason';
import { useActions } from '../../hooks/useActions';
import { useRemoteData } from '../../hooks/useRemoteData';

import type { ProviderTargetStatus } from '../../services/providers';
import type { ActionState } from '../../hooks/useActions';
import type { ReasonValue } from '../../forms/reason';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';

export const DECISION_LABELS: Record<ProviderDecision, string> = {
  approve: '通过',
  reject: '不通过',
  suspend: '暂停',
  reinstate: '恢复',
};

/** Common reasons as big buttons (其他 asks for words). */
export const DECISION_REASONS: Partial<Record<ProviderDecision, readonly string[]>> = {
  reject: ['资料不完整', '信用代码与机构不符', '不在本辖区服务', '其他'],
  suspend: ['服务投诉较多', '资质需要复核', '机构自己申请暂停', '其他'],
};

const DONE_MESSAGES: Record<ProviderDecision, (name: string) => string> = {
  approve: (name) => `已通过：${name} 的管理员现在可以登录了`,
  reject: (name) => `已不通过：${name} 的申请人会看到原因`,
  suspend: (name) => `已暂停：${name}`,
  reinstate: (name) => `已恢复：${name}`,
};

/** One staff move the state machine allows from where the organisation is. */
export interface ProviderMove {
  to: ProviderTargetStatus;
  decision: ProviderDecision;
  needsReason: boolean;
}

/** The buttons of one organisation, from the shared rules (the API applies the same ones). */
export function movesOf(status: ProviderStatus): ProviderMove[] {
  return nextProviderStatuses(status).flatMap((to) => {
    const decision = providerDecision(status, to);
    if (!decision || to === 'pending') return [];
    return [{ to, decision, needsReason: PROVIDER_DECISIONS_NEEDING_REASON.includes(decision) }];
  });
}

/** The organisations of one status, in the order staff work through them: 待审核 first. */
export interface ProviderGroup {
  status: ProviderStatus;
  items: ProviderView[];
}

export function groupProviders(providers: readonly ProviderView[]): ProviderGroup[] {
  return PROVIDER_STATUSES.map((status) => ({ status, items: providers.filter((provider) => provider.status === status) }));
}

/** The open reason panel (不通过, 暂停): which organisation, which move. */
export interface ReasonPanel {
  providerId: string;
  move: ProviderMove;
}

export interface ProviderReviewHandle extends RemoteDataHandle<ProviderView[]> {
  panel: ReasonPanel | null;
  reason: ReasonValue;
  setReason: (value: ReasonValue) => void;
  /** A move without a reason is sent at once; one that needs a reason opens its panel (again: closes it). */
  choose: (provider: ProviderView, move: ProviderMove) => void;
  /** Sends the open panel's move with its reason. */
  confirm: () => void;
  /** The last action, per organisation. */
  actionOf: (providerId: string) => ActionState;
  /** What was last done, for the top of the page. */
  lastDone: string | null;
}

/**
 * 服务机构审核: the region's organisations grouped by status, with the moves the shared rules allow. After each move
 * the list is loaded again quietly (no loading screen), and a toast says what was done.
 */
export function useProviderReview(): ProviderReviewHandle {
  const remote = useRemoteData(fetchRegionProviders);
  const { update, reloadQuietly: refresh } = remote;
  const [panel, setPanel] = useState<ReasonPanel | null>(null);
  const [reason, setReason] = useState<ReasonValue>(EMPTY_REASON);
  const actions = useActions();
  const [lastDone, setLastDone] = useState<string | null>(null);

  const send = (provider: ProviderView, move: ProviderMove, text: string | null) =>
    actions.run(provider.id, () => setProviderStatus(provider.id, move.to, text), {
      done: (saved) => {
        const message = DONE_MESSAGES[move.decision](provider.name);
        update((items) => items.map((item) => (item.id === saved.id ? saved : item)));
        setPanel(null);
        setReason(EMPTY_REASON);
        setLastDone(message);
        void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
        refresh();
      },
      // Someone else moved the organisation meanwhile: the panel is for a state that is gone; show the new one.
      messageOf: (error) => (error.code === 'INVALID_TRANSITION' ? PROVIDER_MESSAGES.INVALID_TRANSITION : error.message),
      failed: (error) => {
        if (error.code !== 'INVALID_TRANSITION') return;
        setPanel(null);
        refresh();
      },
    });

  const find = (providerId: string) => (remote.state.status === 'ready' ? remote.state.data.find((item) => item.id === providerId) : undefined);

  return {
    ...remote,
    panel,
    reason,
    setReason,
    choose: (provider, move) => {
      actions.reset(provider.id);
      if (!move.needsReason) {
        setPanel(null);
        send(provider, move, null);
        return;
      }
      const same = panel?.providerId === provider.id && panel.move.to === move.to;
      setPanel(same ? null : { providerId: provider.id, move });
      setReason(EMPTY_REASON);
    },
    confirm: () => {
      const provider = panel ? find(panel.providerId) : undefined;
      if (!panel || !provider) return;
      const problem = reasonProblem(reason, true);
      if (problem) {
        actions.fail(provider.id, problem);
        return;
      }
      send(provider, panel.move, reasonText(reason));
    },
    actionOf: actions.of,
    lastDone,
  };
}

/** How many applications wait for this staff member (null until known, or when it could not be loaded). */
export function usePendingApplicationCount(): RemoteDataHandle<ProviderView[]> & { count: number | null } {
  const remote = useRemoteData(fetchRegionProviders);
  const count = remote.state.status === 'ready' ? remote.state.data.filter((provider) => provider.status === 'pending').length : null;
  return { ...remote, count };
}
