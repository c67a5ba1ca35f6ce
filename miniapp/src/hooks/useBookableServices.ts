import { useMemo } from 'react';

import type { ServiceSummary } from '@linli/shared';

import { useCatalogue } from './useCatalogue';

/** The services booked at a centre (home visits are dispatched, not booked), from the cached catalogue. */
export function useBookableServices() {
  const catalogue = useCatalogue();
  const services = useMemo<ServiceSummary[]>(
    () =>
      catalogue.state.status === 'ready'
        ? catalogue.state.data.flatMap((category) => category.services).filter((service) => service.mode !== 'home')
        : [],
    [catalogue.state],
  );
  return { ...catalogue, services };
}
