import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, within a region subtree. */
  listWithinRegion(regionPath: string, filter: { action?: string; targetId?: string; before?: Date }, limit: number): Promise<AuditEntry[]> {
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .where('entry.region_path LIKE :prefix', { prefix: `${regionPath}%` })
      .orderBy('entry.created_at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .limit(limit);
    if (filter.action) query.andWhere('entry.action = :action', { action: filter.action });
    if (filter.targetId) query.andWhere('entry.target_id = :targetId', { targetId: filter.targetId });
    if (filter.before) query.andWhere('entry.created_at < :before', { before: filter.before });
    return query.getMany();
  }
}
