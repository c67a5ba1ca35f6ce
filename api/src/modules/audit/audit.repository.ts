import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
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

  /** When one account's audited `action`s against one target happened since `since`, oldest first (for throttles). */
  async listActionTimes(accountId: string, targetType: string, targetId: string, action: string, since: Date): Promise<Date[]> {
    const entries = await this.dataSource.getRepository(AuditEntry).find({
      where: { targetType, targetId, actorAccountId: accountId, action, createdAt: MoreThan(since) },
      order: { createdAt: 'ASC' },
      select: { id: true, createdAt: true },
    });
    return entries.map((entry) => entry.createdAt);
  }
}
