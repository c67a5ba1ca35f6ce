import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The mini program's one WeChat access token, shared by every API instance: WeChat keeps one current token per
 * AppID, so instances that refreshed it each on their own would hand each other stale tokens. Whoever refreshes
 * first claims the row's lease with a conditional update; the others wait and read the row.
 */
@Entity({ name: 'wechat_access_token' })
export class WechatAccessTokenRow {
  @PrimaryColumn({ name: 'app_id', type: 'varchar', length: 32 })
  appId: string;

  /** The token, encrypted (FieldCipher): it is a credential for the whole mini program. WeChat's can be 512 characters. */
  @Column({ name: 'token_cipher', type: 'varchar', length: 1024, nullable: true })
  tokenCipher: string | null;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  /** Counts stored tokens: a refresh after WeChat refused a token claims the row only if nobody has replaced it since. */
  @Column({ type: 'int', default: 0 })
  generation: number;

  /** The instance refreshing now, and until when its claim holds (a crashed refresher's claim runs out). */
  @Column({ name: 'refresh_holder', type: 'varchar', length: 36, nullable: true })
  refreshHolder: string | null;

  @Column({ name: 'refresh_lease_until', type: 'datetime', precision: 3, nullable: true })
  refreshLeaseUntil: Date | null;
}
