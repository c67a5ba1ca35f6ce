import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Region } from '../regions/region.entity';
import { Worker } from './worker.entity';

/** A community a worker serves, set by their provider's admin. */
@Entity({ name: 'worker_area' })
@Index('ix_worker_area_region', ['regionId'])
export class WorkerArea {
  @PrimaryColumn({ name: 'worker_id', type: 'varchar', length: 36 })
  workerId: string;

  @PrimaryColumn({ name: 'region_id', type: 'varchar', length: 36 })
  regionId: string;

  @ManyToOne(() => Worker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'worker_id', foreignKeyConstraintName: 'fk_worker_area_worker' })
  worker: Relation<Worker>;

  @ManyToOne(() => Region, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_worker_area_region' })
  region: Relation<Region>;
}
