import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CommunityService } from '../catalogue/community-service.entity';
import { Worker } from './worker.entity';

/** A service a worker can do (their skill), set by their provider's admin. */
@Entity({ name: 'worker_skill' })
export class WorkerSkill {
  @PrimaryColumn({ name: 'worker_id', type: 'varchar', length: 36 })
  workerId: string;

  @PrimaryColumn({ name: 'service_id', type: 'varchar', length: 36 })
  serviceId: string;

  @ManyToOne(() => Worker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'worker_id', foreignKeyConstraintName: 'fk_worker_skill_worker' })
  worker: Relation<Worker>;

  @ManyToOne(() => CommunityService, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'fk_worker_skill_service' })
  service: Relation<CommunityService>;
}
