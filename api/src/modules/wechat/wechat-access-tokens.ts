import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldCipher } from '../../common/security/field-cipher';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { WechatAccessTokenRow } from './wechat-access-token.entity';
import { WechatHttp, type WechatReply } from './wechat-http';
import { WECHAT_ACCESS_TOKEN_INVALID, WechatError } from './wechat.errors';

/** A token as handed to a caller: its value, and which stored token it was (to tell a stale one from a fresh one). */
interface HeldToken {
  value: string;
  generation: number;
  /** Refresh once less than the margin is left. */
  expiresAt: number;
}

/**
 * WeChat hands out a new stable token in a token's last 5 minutes (the old one stays valid meanwhile), so a token is
 * refreshed once it has less than that left: the refresh always brings a token with time to spare.
 */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** How often an instance waiting for another's refresh looks at the row again. */
const WAIT_STEP_MS = 100;

/**
 * The one refresher of the WeChat access token (POST /cgi-bin/stable_token), shared by every API instance through
 * the `wechat_access_token` row. A token read from the row is used until its last 5 minutes; then one instance
 * claims the refresh with a conditional update on the row's lease, calls WeChat, and stores the token, while the
 * others wait for the row to change (or for the lease to run out, should the refresher die). A call WeChat answers
 * with 40001/42001 (token invalid or expired) refreshes once — only if no other instance already replaced the
 * refused token — and is retried once. The token is stored encrypted and never logged.
 */
@Injectable()
export class WechatAccessTokens {
  private readonly logger = new Logger(WechatAccessTokens.name);
  /** This instance, as the holder of a refresh lease. */
  private readonly holder = randomUUID();
  private held: HeldToken | null = null;
  private rowEnsured = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly cipher: FieldCipher,
    private readonly http: WechatHttp,
    private readonly clock: Clock,
  ) {}

  private now(): number {
    return this.clock.now().getTime();
  }

  /** Runs `work` with a valid token; when WeChat refuses the token, refreshes it once and runs `work` once more. */
  async withAccessToken<T>(operation: string, work: (token: string) => Promise<T>): Promise<T> {
    const token = await this.current();
    try {
      return await this.http.withBusyRetry(operation, () => work(token.value));
    } catch (error) {
      if (!(error instanceof WechatError) || !WECHAT_ACCESS_TOKEN_INVALID.includes(error.errcode ?? 0)) throw error;
      this.logger.warn(`WeChat refused the access token during ${operation}; refreshing it once`);
      const fresh = await this.replacing(token);
      return this.http.withBusyRetry(operation, () => work(fresh.value));
    }
  }

  /** A token with more than the margin left: this instance's copy, the row's, or a fresh one. */
  private async current(): Promise<HeldToken> {
    if (this.held && this.held.expiresAt - REFRESH_MARGIN_MS > this.now()) return this.held;
    return this.refreshed((row) => row.expiresAt !== null && row.expiresAt.getTime() - REFRESH_MARGIN_MS > this.now(), false);
  }

  /** A token other than `refused`: another instance's replacement if there is one, else one this instance fetches. */
  private replacing(refused: HeldToken): Promise<HeldToken> {
    this.held = null;
    return this.refreshed((row) => row.generation !== refused.generation && row.expiresAt !== null && row.expiresAt.getTime() > this.now(), refused.value);
  }

  /**
   * Reads the row until it holds a token `usable` accepts, claiming the refresh whenever nobody holds it. `refused`:
   * the token WeChat just refused, which must not come back (false: an ordinary refresh ahead of expiry).
   */
  private async refreshed(usable: (row: WechatAccessTokenRow) => boolean, refused: string | false): Promise<HeldToken> {
    await this.ensureRow();
    // Real time, not the clock: this bounds how long this call waits for another instance.
    const deadline = Date.now() + this.leaseMs() * 2;
    for (;;) {
      const row = await this.readRow();
      if (row.tokenCipher && usable(row)) return this.hold(row);
      if (await this.claim(row)) return this.refreshAsHolder(refused);
      if (Date.now() > deadline) throw new WechatError(null, 'stable_token');
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }

  private async refreshAsHolder(refused: string | false): Promise<HeldToken> {
    try {
      let fetched = await this.fetchStableToken(false);
      // WeChat still hands out the token it refused: only a forced refresh (20 a day) replaces it.
      if (fetched.access_token === refused) fetched = await this.fetchStableToken(true);
      const expiresAt = new Date(this.now() + fetched.expires_in * 1000);
      const stored = await this.store(fetched.access_token, expiresAt);
      return this.hold(stored);
    } finally {
      await this.release();
    }
  }

  private async fetchStableToken(forceRefresh: boolean): Promise<{ access_token: string; expires_in: number }> {
    const reply = await this.http.withBusyRetry('stable_token', () =>
      this.http.call<WechatReply & { access_token?: string; expires_in?: number }>('stable_token', '/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: this.http.appId,
        secret: this.http.appSecret,
        force_refresh: forceRefresh,
      }),
    );
    if (!reply.access_token || !reply.expires_in) throw new WechatError(null, 'stable_token');
    return { access_token: reply.access_token, expires_in: reply.expires_in };
  }

  private hold(row: WechatAccessTokenRow): HeldToken {
    this.held = { value: this.cipher.decrypt(row.tokenCipher ?? ''), generation: row.generation, expiresAt: row.expiresAt?.getTime() ?? 0 };
    return this.held;
  }

  /** The refresh call may take two timeouts (busy retried once); a claim outlives that, then lapses. */
  private leaseMs(): number {
    return this.http.timeoutMs * 2 + 5_000;
  }

  private async ensureRow(): Promise<void> {
    if (this.rowEnsured) return;
    await this.transactions.write((manager) =>
      manager.createQueryBuilder().insert().into(WechatAccessTokenRow).values({ appId: this.http.appId, generation: 0 }).orIgnore().execute(),
    );
    this.rowEnsured = true;
  }

  private async readRow(): Promise<WechatAccessTokenRow> {
    const row = await this.dataSource.getRepository(WechatAccessTokenRow).findOne({ where: { appId: this.http.appId } });
    if (!row) throw new Error('wechat_access_token row missing after it was ensured');
    return row;
  }

  /** True for exactly one of the instances that saw this generation with no live lease. */
  private async claim(seen: WechatAccessTokenRow): Promise<boolean> {
    const now = this.clock.now();
    const result = await this.transactions.write((manager) =>
      manager
        .createQueryBuilder()
        .update(WechatAccessTokenRow)
        .set({ refreshHolder: this.holder, refreshLeaseUntil: new Date(now.getTime() + this.leaseMs()) })
        .where('app_id = :appId AND generation = :generation AND (refresh_lease_until IS NULL OR refresh_lease_until < :now)', {
          appId: this.http.appId,
          generation: seen.generation,
          now,
        })
        .execute(),
    );
    return result.affected === 1;
  }

  private async store(token: string, expiresAt: Date): Promise<WechatAccessTokenRow> {
    return this.transactions.write(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(WechatAccessTokenRow)
        .set({ tokenCipher: this.cipher.encrypt(token), expiresAt, generation: () => 'generation + 1' })
        .where('app_id = :appId', { appId: this.http.appId })
        .execute();
      const row = await manager.getRepository(WechatAccessTokenRow).findOneOrFail({ where: { appId: this.http.appId } });
      return row;
    });
  }

  private async release(): Promise<void> {
    await this.transactions.write((manager) =>
      manager
        .createQueryBuilder()
        .update(WechatAccessTokenRow)
        .set({ refreshHolder: null, refreshLeaseUntil: null })
        .where('app_id = :appId AND refresh_holder = :holder', { appId: this.http.appId, holder: this.holder })
        .execute(),
    );
  }
}
