import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Password login attempts per client IP in a fixed window, in the database so every API instance sees them. */
@Entity({ name: 'login_throttle' })
export class LoginThrottle {
  /** `ip:<address>` */
  @PrimaryColumn({ type: 'varchar', length: 80 })
  key: string;

  @Column({ name: 'window_started_at', type: 'datetime', precision: 3 })
  windowStartedAt: Date;

  @Column({ type: 'int' })
  attempts: number;
}
