import { NOTIFICATION_TEXTS } from './notification-texts';
import { SMS_MAX_UNITS, smsTextOf } from './sms-text';

describe('smsTextOf', () => {
  const reminder = { title: '明天有预约', body: '提醒您：12月3日 09:00有预约，请按时到场；去不了请提前取消。' };

  it('signs the words and, on a relative’s phone, names the person they are about', () => {
    expect(smsTextOf('邻里', reminder, { name: '冯奶奶', phoneOwner: 'self' })).toBe('【邻里】明天有预约：提醒您：12月3日 09:00有预约，请按时到场；去不了请提前取消。');
    expect(smsTextOf('邻里', reminder, { name: '冯奶奶', phoneOwner: 'relative' })).toBe(
      '【邻里】明天有预约（冯奶奶）：提醒您：12月3日 09:00有预约，请按时到场；去不了请提前取消。',
    );
  });

  it('keeps to one 70-character segment, cutting longer words with …', () => {
    const long = smsTextOf('邻里生活服务平台', { title: '订餐已取消', body: '取消原因'.repeat(30) }, { name: '欧阳奶奶', phoneOwner: 'relative' });
    expect(long).toHaveLength(SMS_MAX_UNITS);
    expect(long.endsWith('…')).toBe(true);
  });

  it('counts a character outside the Basic Multilingual Plane as the two units a segment spends on it, and never cuts one in half', () => {
    const rare = '𠀀'; // U+20000, two UTF-16 units
    const text = smsTextOf('邻里', { title: '订餐已取消', body: rare.repeat(40) }, { name: '冯奶奶', phoneOwner: 'self' });
    expect(text.length).toBeLessThanOrEqual(SMS_MAX_UNITS);
    expect(text.endsWith('…')).toBe(true);
    expect(text.slice(0, -1).endsWith(rare)).toBe(true);
  });

  it('fits every booking topic’s words in one segment with a 4-character signature', () => {
    const booking = { bookingId: 'b', residentId: 'r', slotStartsAt: '2026-12-03T01:00:00.000Z' };
    const texts = [
      NOTIFICATION_TEXTS['booking.confirmed']!(booking),
      NOTIFICATION_TEXTS['booking.reminder']!({ ...booking, lead: 'hour_before' }),
      NOTIFICATION_TEXTS['booking.no_show']!(booking),
    ];
    for (const text of texts) expect(smsTextOf('邻里生活', text, { name: '冯奶奶', phoneOwner: 'relative' }).endsWith('…')).toBe(false);
  });
});
