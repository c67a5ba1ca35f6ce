import { useRouter } from '@tarojs/taro';

/** One parameter of the page's query, decoded; '' when the link has none. */
export function usePageParam(name: string): string {
  const { params } = useRouter();
  return decodeURIComponent(params[name] ?? '');
}

/** The `id` of the page's query (`…/index?id=…`). */
export function usePageId(): string {
  return usePageParam('id');
}
