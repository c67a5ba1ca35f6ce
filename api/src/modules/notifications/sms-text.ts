import type { NotificationText } from './notification-texts';

/**
 * One SMS segment of Chinese text (UCS-2: 70 characters, the signature included). A message is kept to one segment:
 * an elder reads one short text, and a carrier bills each segment.
 */
export const SMS_MAX_CHARACTERS = 70;

/** Whose phone the text goes to: the person's own, or a relative's (then the text names the person it is about). */
export interface SmsAddressee {
  name: string;
  phoneOwner: 'self' | 'relative' | null;
}

/**
 * `【signature】title：body` — with the person's name after the title, `title（王秀英）：`, when the phone is a
 * relative's — cut to one segment with `…` when the words are longer.
 */
export function smsTextOf(signature: string, { title, body }: NotificationText, addressee: SmsAddressee): string {
  const about = addressee.phoneOwner === 'relative' ? `（${addressee.name}）` : '';
  const characters = Array.from(`【${signature}】${title}${about}：${body}`);
  return characters.length <= SMS_MAX_CHARACTERS ? characters.join('') : `${characters.slice(0, SMS_MAX_CHARACTERS - 1).join('')}…`;
}
