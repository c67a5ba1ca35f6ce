import { useRouter } from '@tarojs/taro';

/** The `id` of the page's query (`…/index?id=…`), decoded; '' when the link has none. */
export function usePageId(): string {
  const { params } = useRouter();
  return decodeURIComponent(params.id ?? '');
}
