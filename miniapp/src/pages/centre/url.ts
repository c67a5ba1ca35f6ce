export const CENTRE_PAGE_PATH = '/pages/centre/index';

export function centrePageUrl(centreId: string): string {
  return `${CENTRE_PAGE_PATH}?id=${encodeURIComponent(centreId)}`;
}
