import { useMemo } from 'react';

import type { ServiceSummary } from '@linli/shared';

import { useCatalogue } from '../../hooks/useCatalogue';

/**
 * The services booked at a centre, from the cached catalogue. Home visits are dispatched, not booked: they are left
 * out unless `withHome` (staff's 代居民预约 also asks for home visits on a resident's behalf).
 */
export function useBookableServices({ withHome = false }: { withHome?: boolean } = {}) {
  const catalogue = useCatalogue();
  const services = useMemo<ServiceSummary[]>(
    () => (catalogue.state.status === 'ready' ? catalogue.state.data.flatMap((category) => category.services).filter((service) => withHome || service.mode !== 'home') : []),
    [catalogue.state, withHome],
  );
  return { ...catalogue, services };
}
