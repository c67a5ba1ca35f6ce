import type { NotificationTopic } from '@linli/shared';
import type { OutboxMessages, OutboxTopic } from './outbox-topics';

/** `true` only when A and B are the same set of names. */
type SameTopics<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

/** The payload map is checked by the compiler (`npm test`'s typecheck step); these lines must keep compiling. */
describe('outbox topics', () => {
  it('give each topic its own payload, and keep every stored topic name', () => {
    const accepted: OutboxMessages['order.accept'] = { orderId: 'o-1', status: 'accepted', residentId: 'r-1', workerId: 'w-1' };
    // @ts-expect-error an order event's payload is not an SLA warning's (no regionPath)
    const warning: OutboxMessages['order.sla_warning'] = { orderId: 'o-1', status: 'accepted', residentId: 'r-1', workerId: null };
    const topics: OutboxTopic[] = ['booking.promoted_from_waitlist', 'order.sla_warning', 'order.offer', 'order.expire', 'order.set_out', 'provider.approve', 'provider.reinstate'];
    expect([accepted, warning]).toHaveLength(2);
    expect(topics).toHaveLength(7);
  });

  it("are exactly the topics shared's who-hears-what table (audiencesOf) knows, both ways", () => {
    const same: SameTopics<OutboxTopic, NotificationTopic> = true;
    expect(same).toBe(true);
  });
});
