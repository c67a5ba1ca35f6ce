import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-error';
import { ResidentAccess, ResidentsRepository } from '../residents';

/** An elder the caller may reach, with the region path their audit entries are filed under. */
export interface ReachableElder {
  residentId: string;
  /** The elder's community path (null for a person registered without one: only their own household reaches them). */
  regionPath: string | null;
}

/**
 * Whose meal profile and balance a caller may see or change: the resident and their household, or staff of the
 * elder's region (ResidentAccess). Everyone else gets 404, as for people who do not exist: hardship status and
 * money are as private as the ID number.
 */
@Injectable()
export class MealElderAccess {
  constructor(
    private readonly residents: ResidentsRepository,
    private readonly access: ResidentAccess,
  ) {}

  async reach(auth: AuthContext, residentId: string): Promise<ReachableElder> {
    const person = await this.residents.findWithCommunity(residentId);
    const regionPath = person?.community?.path ?? null;
    if (!person || !(await this.access.mayReach(auth, residentId, regionPath ?? ''))) throw new NotFoundError('该居民');
    return { residentId, regionPath };
  }

  /** The community path an elder's audit entries are filed under, for the system acting on its own (no caller to check). */
  async regionPathOf(residentId: string): Promise<string | null> {
    return (await this.residents.findWithCommunity(residentId))?.community?.path ?? null;
  }
}
