import { Column, Entity, Index, OneToMany, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { CommunityService } from './community-service.entity';

/** One of the plan's eight service categories. */
@Entity({ name: 'service_category' })
@Index('uq_service_category_code', ['code'], { unique: true })
export class ServiceCategory {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @OneToMany('CommunityService', (service: CommunityService) => service.category)
  services: Relation<CommunityService>[];
}
