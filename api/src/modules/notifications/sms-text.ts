import type { NotificationText } from './notification-texts';

/**
 * One SMS segment of Chinese text (UCS-2: 70 sixteen-bit units, the signature included — a character outside the
 * Basic Multilingual Plane, as some rare name characters are, takes two). A message is kept to one segment: an elder
 * reads one short text, and a carrier bills each segment.
 */
export const SMS_MAX_UNITS = 70;

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
  const text = `【${signature}】${title}${about}：${body}`;
  if (text.length <= SMS_MAX_UNITS) return text;
  // Cut between characters, never inside a surrogate pair, leaving one unit for the ellipsis.
  let cut = '';
  for (const character of text) {
    if (cut.length + character.length > SMS_MAX_UNITS - 1) break;
    cut += character;
  }
  return `${cut}…`;
}
