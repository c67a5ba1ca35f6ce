import type { CategoryWithServices, ServiceDetail } from '@linli/shared';

import { fetchCatalogue, fetchCategory, fetchCentreServices, fetchServiceDetail } from '../services/catalogue';
import { useRemoteById, useRemoteData } from './useRemoteData';

import type { RemoteDataHandle } from './useRemoteData';

/** The eight categories with their services. */
export function useCatalogue(): RemoteDataHandle<CategoryWithServices[]> {
  return useRemoteData(fetchCatalogue);
}

/** One category; `data` is null when no category has that id. */
export function useCategory(id: string): RemoteDataHandle<CategoryWithServices | null> {
  return useRemoteById(fetchCategory, id);
}

/** One service with the centres offering it; `data` is null when there is no such service. */
export function useServiceDetail(id: string): RemoteDataHandle<ServiceDetail | null> {
  return useRemoteById(fetchServiceDetail, id);
}

/** What one centre offers now, by category. */
export function useCentreServices(centreId: string): RemoteDataHandle<CategoryWithServices[]> {
  return useRemoteById(fetchCentreServices, centreId);
}
