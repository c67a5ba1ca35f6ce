import { Injectable } from '@nestjs/common';
import type { WorkerProfileView } from '@linli/shared';
import { ProvidersRepository } from './providers.repository';
import type { Worker } from './worker.entity';

/** A worker as the dispatcher sees them: skills, areas, hours, load and rating (workers read their own). */
@Injectable()
export class WorkerProfiles {
  constructor(private readonly providers: ProvidersRepository) {}

  /** Needs each worker's `provider` relation loaded. */
  async views(workers: Worker[]): Promise<WorkerProfileView[]> {
    const ids = workers.map((worker) => worker.id);
    const [skills, areas] = await Promise.all([this.providers.skillsOf(ids), this.providers.areasOf(ids)]);
    return workers.map((worker) => ({
      id: worker.id,
      name: worker.name,
      providerId: worker.providerId,
      providerName: worker.provider.name,
      online: worker.online,
      skills: skills.get(worker.id) ?? [],
      areas: areas.get(worker.id) ?? [],
      workingHours: worker.workingHours,
      maxOpenOrders: worker.maxOpenOrders,
      openOrders: worker.openOrders,
      ratingCount: worker.ratingCount,
      averageRating: averageRating(worker),
    }));
  }
}

/** The plain average of the ratings received (sum / count), rounded to one decimal; null before the first. */
export function averageRating(rated: { ratingSum: number; ratingCount: number }): number | null {
  return rated.ratingCount === 0 ? null : Math.round((rated.ratingSum / rated.ratingCount) * 10) / 10;
}
