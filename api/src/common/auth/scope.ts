import { isWithinRegion } from '@linli/shared';
import { NotFoundError } from '../errors/domain-error';
import type { AuthContext } from './auth-context';

/**
 * True when a staff/admin caller's region subtree contains `regionPath`. Callers without a region scope
 * (residents, workers) never pass.
 */
export function regionInScope(auth: AuthContext, regionPath: string | null | undefined): boolean {
  return (auth.role === 'staff' || auth.role === 'admin') && !!auth.regionPath && !!regionPath && isWithinRegion(regionPath, auth.regionPath);
}

/**
 * Out-of-scope records answer exactly like missing ones (404), so ids cannot be probed for existence.
 */
export function assertRegionInScope(auth: AuthContext, regionPath: string | null | undefined, what: string): void {
  if (!regionInScope(auth, regionPath)) throw new NotFoundError(what);
}

/** An admin whose scope is the whole city (a one-node region path): city-wide data (catalogue, calendar) is theirs. */
export function isCityAdmin(auth: AuthContext): boolean {
  return auth.role === 'admin' && auth.regionPath?.split('/').filter(Boolean).length === 1;
}
