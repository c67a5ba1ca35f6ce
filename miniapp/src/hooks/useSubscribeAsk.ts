import Taro from '@tarojs/taro';
import { useCallback, useEffect } from 'react';
import { SUBSCRIBE_RESULTS } from '@linli/shared';

import type { SubscribeGrantsInput, SubscribeMoment, SubscribeResult, SubscribeTemplatesView } from '@linli/shared';

import { fetchSubscribeTemplates, reportSubscriptions } from '../services/wechat-subscriptions';
import { readSession } from '../storage/token-storage';

/** The roles WeChat subscribe messages go to (the API answers others 403); staff booking for a resident are not asked. */
const SUBSCRIBERS: readonly string[] = ['resident', 'worker'];
/** WeChat shows at most three templates in one requestSubscribeMessage. */
const MAX_TEMPLATES_PER_ASK = 3;

/** Read at call time, not at load: the weapp build defines it, and a test can switch a single case to weapp. */
const onWeapp = () => process.env.TARO_ENV === 'weapp';

/**
 * The template ids per moment for the signed-in account, fetched once per account and session of the app. The ids
 * must be at hand when the tap comes: WeChat refuses requestSubscribeMessage that is not called in the tap itself
 * (after a network round trip the tap is gone), so they are fetched when a screen that may ask is opened.
 */
let templates: { accountId: string; moments: SubscribeTemplatesView['moments'] | null } | null = null;
/** The fetch under way or done (tests wait for it before the tap, as a person's tap comes long after). */
let loaded: Promise<void> = Promise.resolve();

function subscriberId(): string | null {
  const account = readSession()?.account;
  return account && SUBSCRIBERS.includes(account.role) ? account.id : null;
}

function loadTemplates(): void {
  const accountId = subscriberId();
  if (!onWeapp() || !accountId || templates?.accountId === accountId) return;
  const loading = { accountId, moments: null as SubscribeTemplatesView['moments'] | null };
  templates = loading;
  loaded = fetchSubscribeTemplates().then(
    (view) => {
      loading.moments = view.moments;
    },
    () => {
      // Silent: messages still reach the inbox. The next screen that may ask tries again.
      if (templates === loading) templates = null;
    },
  );
}

/** Forgets the fetched template ids (tests, between cases). */
export function forgetSubscribeTemplates(): void {
  templates = null;
  loaded = Promise.resolve();
}

/** Resolves once the latest fetch of the template ids has been answered (or failed). */
export function subscribeTemplatesLoaded(): Promise<void> {
  return loaded;
}

function templateIdsFor(moment: SubscribeMoment): string[] {
  const accountId = subscriberId();
  if (!accountId || templates?.accountId !== accountId) return [];
  return (templates.moments?.[moment] ?? []).slice(0, MAX_TEMPLATES_PER_ASK);
}

function isSubscribeResult(value: unknown): value is SubscribeResult {
  return (SUBSCRIBE_RESULTS as readonly unknown[]).includes(value);
}

/**
 * Asks for the moment's templates, if there are any and this is WeChat; resolves once the user has answered (at
 * once when nothing is asked) and never rejects. The answers are reported to the API afterwards, silently.
 */
function askFor(moment: SubscribeMoment): Promise<void> {
  const tmplIds = onWeapp() ? templateIdsFor(moment) : [];
  if (tmplIds.length === 0) return Promise.resolve();
  // WeChat answers { [templateId]: 'accept' | 'reject' | 'ban' | 'filter', errMsg }.
  let asked: Promise<object>;
  try {
    asked = Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
  } catch {
    return Promise.resolve();
  }
  return asked.then(
    (answer) => {
      const results: SubscribeGrantsInput['results'] = tmplIds.flatMap((templateId) => {
        const result = (answer as Record<string, unknown>)[templateId];
        return isSubscribeResult(result) ? [{ templateId, result }] : [];
      });
      if (results.length > 0) reportSubscriptions({ results }).catch(() => undefined);
    },
    // Closed, an old WeChat, or the user turned subscribe messages off: the inbox still gets every message.
    () => undefined,
  );
}

/**
 * WeChat subscribe messages (订阅消息) at one of shared's SUBSCRIBE_MOMENTS. Call the returned `ask` first thing in the
 * tap handler that completes the moment (确认预约, 确认订餐, 上线) — WeChat shows its dialog only in answer to a tap,
 * and an elder should never get one out of nowhere. On H5, for staff, or with no template configured it does
 * nothing; a failure is silent. `ask()` resolves when the dialog has closed, so a caller that opens another of
 * WeChat's dialogs next (the cashier, the location prompt) can wait for it.
 */
export function useSubscribeAsk(moment: SubscribeMoment): () => Promise<void> {
  useEffect(loadTemplates, []);
  return useCallback(() => askFor(moment), [moment]);
}
