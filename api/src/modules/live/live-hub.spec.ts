import type { AuthContext } from '../../common/auth/auth-context';
import type { LiveOrderEvent } from './live-events';
import { frameFor } from './live-hub';

const auth = (role: AuthContext['role'], regionPath: string | null = null): AuthContext => ({
  ip: '127.0.0.1',
  requestId: 'r',
  accountId: 'a',
  role,
  sessionId: 's',
  regionPath,
  providerId: null,
  residentId: null,
});
const event = (changes: Partial<LiveOrderEvent> = {}): LiveOrderEvent => ({
  messageId: 'm',
  event: 'offer',
  orderId: 'o1',
  status: 'offered',
  residentId: 'wang',
  workerId: 'zhao',
  regionPath: '/340000/340100/340104/340104001/340104001001/',
  offer: { offerId: 'f1', expiresAt: '2026-12-02T00:05:00.000Z' },
  ...changes,
});
const NOW = Date.parse('2026-12-02T00:00:00.000Z');

/** Who hears which frame of an order change: the routes' rules, decided per socket in memory. */
describe('frameFor', () => {
  it('an offer goes to its worker with the seconds left, and to no other worker', () => {
    expect(frameFor({ auth: auth('worker'), workerId: 'zhao', residentIds: new Set() }, event(), NOW)).toEqual({
      type: 'offer',
      offerId: 'f1',
      orderId: 'o1',
      expiresAt: '2026-12-02T00:05:00.000Z',
      secondsLeft: 300,
    });
    expect(frameFor({ auth: auth('worker'), workerId: 'qian', residentIds: new Set() }, event(), NOW)).toBeNull();
  });

  it('a status change goes to the resident and the household members who act for them, as an order frame', () => {
    const change = event({ event: 'accept', status: 'accepted', offer: null });
    expect(frameFor({ auth: auth('resident'), workerId: null, residentIds: new Set(['li-ming', 'wang']) }, change, NOW)).toEqual({
      type: 'order',
      orderId: 'o1',
      status: 'accepted',
      event: 'accept',
    });
    expect(frameFor({ auth: auth('resident'), workerId: null, residentIds: new Set(['someone-else']) }, change, NOW)).toBeNull();
  });

  it('the board change goes to staff and admins whose region holds the order, not to staff elsewhere or to providers', () => {
    const change = event({ event: 'escalate', status: 'escalated', workerId: null, offer: null });
    expect(frameFor({ auth: auth('staff', '/340000/340100/340104/340104001/340104001001/'), workerId: null, residentIds: new Set() }, change, NOW)).toMatchObject({
      type: 'board',
    });
    expect(frameFor({ auth: auth('admin', '/340000/340100/340104/'), workerId: null, residentIds: new Set() }, change, NOW)).toMatchObject({ type: 'board' });
    expect(frameFor({ auth: auth('staff', '/340000/340100/340111/'), workerId: null, residentIds: new Set() }, change, NOW)).toBeNull();
    expect(frameFor({ auth: auth('provider_admin', '/340000/340100/340104/'), workerId: null, residentIds: new Set() }, change, NOW)).toBeNull();
  });
});
