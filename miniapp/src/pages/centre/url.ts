import { pageUrlWithId } from '../../navigation/routes';

export const CENTRE_PAGE_PATH = '/pages/centre/index';

export function centrePageUrl(centreId: string): string {
  return pageUrlWithId(CENTRE_PAGE_PATH, centreId);
}
