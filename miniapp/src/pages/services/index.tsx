import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { searchCatalogue } from '@linli/shared';

import type { CategoryWithServices } from '@linli/shared';

import { PageRoot } from '../../components/page-root';
import { isEmptyList, RemoteContent } from '../../components/remote-content';
import { ServiceRow } from '../../components/service-row';
import { TextField } from '../../components/text-field';
import { useCatalogue } from '../../hooks/useCatalogue';

import './index.scss';

function CatalogueList({ categories, keyword }: { categories: CategoryWithServices[]; keyword: string }) {
  const found = searchCatalogue(categories, keyword);
  if (found.length === 0) {
    return <Text className='services__no-match'>没有找到“{keyword.trim()}”，换个说法试试，比如“社保”“家政”，或清空搜索查看全部服务。</Text>;
  }
  return (
    <>
      {found.map((category) => (
        <View key={category.id} className='services__group'>
          <Text className='services__category'>{category.name}</Text>
          {category.services.length === 0 && <Text className='services__none'>暂时还没有服务</Text>}
          {category.services.map((service) => (
            <ServiceRow key={service.id} service={service} />
          ))}
        </View>
      ))}
    </>
  );
}

/**
 * The whole catalogue on one page: each category's name, then its services as rows that open the service. The search
 * box narrows it as one types (names, descriptions, or pinyin initials such as "jz"), without asking the server.
 */
export function ServicesPage() {
  const catalogue = useCatalogue();
  const [keyword, setKeyword] = useState('');

  return (
    <PageRoot className='services'>
      <Text className='services__title'>全部服务</Text>
      <Text className='services__line'>点一下服务，查看要带的材料、在哪里办理和预约。</Text>
      <TextField label='找服务' value={keyword} onChange={setKeyword} placeholder='输入名称或拼音首字母，如 jz' inputClassName='services__search' maxlength={20} />
      <RemoteContent state={catalogue.state} onRetry={catalogue.retry} isEmpty={isEmptyList} emptyText='暂时还没有服务信息'>
        {(categories) => <CatalogueList categories={categories} keyword={keyword} />}
      </RemoteContent>
    </PageRoot>
  );
}

export default ServicesPage;
