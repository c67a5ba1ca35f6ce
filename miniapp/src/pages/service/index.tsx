import { Text, View } from '@tarojs/components';
import { SERVICE_MODE_LABELS } from '@linli/shared';

import type { ServiceDetail } from '@linli/shared';

import { MaterialsList } from '../../components/materials-list';
import { PageRoot } from '../../components/page-root';
import { RemoteRecord } from '../../components/remote-content';
import { useServiceDetail } from '../../hooks/useCatalogue';
import { usePageId } from '../../hooks/usePageId';
import { BookSection } from './book-section';
import { OfferingCentres } from './offering-centres';

import './index.scss';

function whoMayBook(service: ServiceDetail): string {
  return service.minAge === null ? '所有居民都可以预约' : `年满 ${service.minAge} 岁的居民可以预约`;
}

export function ServicePage() {
  const service = useServiceDetail(usePageId());

  return (
    <PageRoot className='service'>
      <RemoteRecord state={service.state} onRetry={service.retry} notFoundText='没有找到这项服务，可能已经下线，请返回重新选择'>
        {(found) => (
          <>
            <View className='service__card'>
              <Text className='service-name'>{found.name}</Text>
              <Text className='service__text'>类别：{found.categoryName}</Text>
              <Text className='service__text'>办理方式：{SERVICE_MODE_LABELS[found.mode]}</Text>
              <Text className='service__text'>{found.description}</Text>
            </View>

            {found.needsReview && (
              <View className='service__card service__card--review'>
                <Text className='service__heading'>需工作人员确认</Text>
                <Text className='service__text'>提交预约后，工作人员会核对您的情况，确认后预约才生效。</Text>
              </View>
            )}

            <View className='service__card'>
              <Text className='service__heading'>谁可以预约</Text>
              <Text className='service__text'>{whoMayBook(found)}</Text>
              <Text className='service__text'>每人同时最多保留 {found.maxActiveBookingsPerPerson} 个预约</Text>
            </View>

            <View className='service__card'>
              <Text className='service__heading'>所需材料</Text>
              <MaterialsList materials={found.materials} lineClassName='service__material' emptyClassName='service__text' />
            </View>

            <View className='service__card'>
              <Text className='service__heading'>{found.mode === 'home' ? '服务方式' : '可办理的市民中心'}</Text>
              <OfferingCentres service={found} />
            </View>

            <BookSection service={found} />
          </>
        )}
      </RemoteRecord>
    </PageRoot>
  );
}

export default ServicePage;
