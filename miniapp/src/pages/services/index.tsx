import { Text, View } from '@tarojs/components';

import { isEmptyList, RemoteContent } from '../../components/remote-content';
import { ServiceRow } from '../../components/service-row';
import { useCatalogue } from '../../hooks/useCatalogue';

import './index.scss';

/** The whole catalogue on one page: each category's name, then its services as rows that open the service. */
export function ServicesPage() {
  const catalogue = useCatalogue();

  return (
    <View className='page-root services'>
      <Text className='services__title'>全部服务</Text>
      <Text className='services__line'>点一下服务，查看要带的材料、在哪里办理和预约。</Text>
      <RemoteContent
        state={catalogue.state}
        onRetry={catalogue.retry}
        isEmpty={isEmptyList}
        emptyText='暂时还没有服务信息'
      >
        {(categories) =>
          categories.map((category) => (
            <View key={category.id} className='services__group'>
              <Text className='services__category'>{category.name}</Text>
              {category.services.length === 0 && <Text className='services__none'>暂时还没有服务</Text>}
              {category.services.map((service) => (
                <ServiceRow key={service.id} service={service} />
              ))}
            </View>
          ))
        }
      </RemoteContent>
    </View>
  );
}

export default ServicesPage;
