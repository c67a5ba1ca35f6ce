import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig, SmsConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { SmsGateway, type SmsSendOutcome } from './sms-gateway';

/** The gateway's answer: `code` is `ok` or one of the errors below (fake-sms-server.ts speaks the same). */
interface SmsGatewayReply {
  code?: string;
}

const REFUSED_CODES = new Set(['refused']);
const INVALID_CODES = new Set(['invalid_number', 'invalid_text']);
const GATEWAY_CODE = /^[a-z_]{1,32}$/;

/**
 * SMS over HTTP: `POST <SMS_GATEWAY_URL>/v1/messages` with `{ phone, text }`, the key as a bearer token and the
 * idempotency key in `Idempotency-Key`. The phone number is in the body only and nothing here logs a body: only the
 * gateway's code (the logger redacts `phone` anyway; this keeps it out of error messages and dead letters too).
 */
@Injectable()
export class HttpSmsGateway extends SmsGateway {
  private readonly sms: SmsConfig | null;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'sms'>) {
    super();
    this.sms = config.sms;
  }

  async send(phone: string, text: string, idempotencyKey: string): Promise<SmsSendOutcome> {
    if (!this.sms) throw new Error('SMS gateway not configured');
    let response: Response;
    try {
      response = await fetch(`${this.sms.gatewayUrl}/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.sms.gatewayKey}`, 'idempotency-key': idempotencyKey, 'content-type': 'application/json' },
        body: JSON.stringify({ phone, text }),
        signal: AbortSignal.timeout(this.sms.timeoutMs),
      });
    } catch (error) {
      throw new Error(`SMS gateway unreachable (${(error as Error).name})`, { cause: error });
    }
    // The code goes into errors, logs and dead letters: only a code-shaped answer is taken as one.
    const reported = ((await response.json().catch(() => ({}))) as SmsGatewayReply).code;
    const code = typeof reported === 'string' && GATEWAY_CODE.test(reported) ? reported : `HTTP ${response.status}`;
    if (response.ok && code === 'ok') return { kind: 'sent' };
    if (REFUSED_CODES.has(code)) return { kind: 'refused', reason: code };
    if (INVALID_CODES.has(code)) return { kind: 'invalid', reason: code };
    // The relay logs the failure with the message it was for.
    throw new Error(`SMS gateway answered ${response.status} ${code}`);
  }
}
