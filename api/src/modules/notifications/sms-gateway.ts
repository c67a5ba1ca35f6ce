/**
 * What an SMS gateway says about one text:
 * - `sent`: accepted for delivery (also when the idempotency key was seen before: the first send stands);
 * - `refused`: the number cannot be texted (its owner opted out, 退订); not worth retrying;
 * - `invalid`: the number or the text is wrong (not a mobile number, the carrier's content filter); retrying cannot
 *   help, `reason` says which, never the number itself.
 * A transient failure (busy, unreachable, an answer it did not understand) is a thrown error.
 */
export type SmsSendOutcome = { kind: 'sent' } | { kind: 'refused'; reason: string } | { kind: 'invalid'; reason: string };

/**
 * The port the SMS channel sends through (decision 0020). `idempotencyKey` names the send: a gateway that sees a
 * key again answers as before without texting twice, which closes the window between a send and its record after
 * a crash. Implemented by HttpSmsGateway (a configured gateway, or the fake SMS server in tests).
 */
export abstract class SmsGateway {
  abstract send(phone: string, text: string, idempotencyKey: string): Promise<SmsSendOutcome>;
}
