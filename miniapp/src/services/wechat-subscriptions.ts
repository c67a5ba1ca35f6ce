import type { SubscribeGrantsInput, SubscribeGrantsView, SubscribeTemplatesView } from '@linli/shared';

import { request } from './request';

/** The subscribe-message template ids to ask for at each moment; only configured templates are listed. */
export function fetchSubscribeTemplates(): Promise<SubscribeTemplatesView> {
  return request<SubscribeTemplatesView>('/wechat/subscribe-templates');
}

/** What the user answered in requestSubscribeMessage: each 允许 lets the server send one more message of that template. */
export function reportSubscriptions(input: SubscribeGrantsInput): Promise<SubscribeGrantsView> {
  return request<SubscribeGrantsView>('/me/subscriptions', { method: 'POST', body: input });
}
