import { Text } from '@tarojs/components';

import { Notice } from '../../components/notice';
import { PageRoot } from '../../components/page-root';
import { RemoteRecord } from '../../components/remote-content';
import { ServiceRow } from '../../components/service-row';
import { useCategory } from '../../hooks/useCatalogue';
import { usePageId } from '../../hooks/usePageId';

import './index.scss';

export function CategoryPage() {
  const category = useCategory(usePageId());

  return (
    <PageRoot className='category'>
      <RemoteRecord state={category.state} onRetry={category.retry} notFoundText='没有找到这一类服务，请返回首页重新选择'>
        {(found) => (
          <>
            <Text className='category__title'>{found.name}</Text>
            {found.services.length === 0 ? (
              <Notice title='暂时还没有服务' lines={['这一类服务还在准备中，请先看看其他类别。']} />
            ) : (
              <>
                <Text className='category__line'>共 {found.services.length} 项服务，点一下查看详情和预约。</Text>
                {found.services.map((service) => (
                  <ServiceRow key={service.id} service={service} />
                ))}
              </>
            )}
          </>
        )}
      </RemoteRecord>
    </PageRoot>
  );
}

export default CategoryPage;
