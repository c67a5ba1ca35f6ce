import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import type { OutletSearchItem } from '@linli/shared';

import { PageRoot } from '../../../components/page-root';
import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { useCommunities } from '../../../hooks/useCommunities';
import { ROUTES, openPage, pageUrlWithId } from '../../../navigation/routes';
import { KindChips } from '../../components/kind-chips';
import { OutletCard } from '../../components/outlet-card';
import { OutletMap } from '../../components/outlet-map';
import { useOutletSearch } from '../../hooks/useOutletSearch';

import type { OutletSearchHandle } from '../../hooks/useOutletSearch';

import '../../components/outlets.scss';

const openOutlet = (outletId: string) => openPage(pageUrlWithId(ROUTES.outlet, outletId));
const MAP_AVAILABLE = process.env.TARO_ENV === 'weapp';

/** Without the phone's position: the person picks their community, and the list is measured from there. */
function CommunityChoice({ search }: { search: OutletSearchHandle }) {
  const communities = useCommunities();
  const chosen = search.origin.kind === 'community' ? search.origin.communityId : null;
  return (
    <View className='outlets__origin'>
      <Text className='outlets__hint'>没有获取到您的位置。请选择您所在的社区，按离社区的远近排列：</Text>
      <RemoteContent state={communities.state} onRetry={communities.retry} isEmpty={isEmptyList} emptyText='暂时还没有社区信息'>
        {(items) => (
          <View className='outlets__communities'>
            {items.map((community) => (
              <View
                key={community.id}
                className={`kind-chips__chip${community.id === chosen ? ' kind-chips__chip--selected' : ''}`}
                ariaRole='radio'
                onClick={() => search.chooseCommunity(community.id)}
              >
                <Text>{community.name}</Text>
              </View>
            ))}
          </View>
        )}
      </RemoteContent>
    </View>
  );
}

export function OutletsPage() {
  const search = useOutletSearch();
  const [showMap, setShowMap] = useState(false);
  const now = new Date();
  const open = (outlet: OutletSearchItem) => openOutlet(outlet.id);

  return (
    <PageRoot className='outlets'>
      <Text className='outlets__title'>附近的便民网点</Text>
      {search.origin.kind === 'locating' && <Text className='outlets__hint'>正在获取您的位置…</Text>}
      {search.origin.kind === 'community' && <CommunityChoice search={search} />}
      <KindChips chosen={search.kinds} onToggle={search.toggleKind} />
      <View className='outlets__switches'>
        <View
          className={`kind-chips__chip${search.openNow ? ' kind-chips__chip--selected' : ''}`}
          ariaRole='checkbox'
          data-switch='open-now'
          onClick={() => search.setOpenNow(!search.openNow)}
        >
          <Text>只看营业中</Text>
        </View>
        {MAP_AVAILABLE && search.origin.kind === 'here' && (
          <View className={`kind-chips__chip${showMap ? ' kind-chips__chip--selected' : ''}`} ariaRole='checkbox' onClick={() => setShowMap(!showMap)}>
            <Text>地图</Text>
          </View>
        )}
      </View>
      {search.state && (
        <RemoteContent state={search.state} onRetry={search.retry} isEmpty={(data) => data.items.length === 0} emptyText='附近没有符合条件的网点'>
          {(data) => (
            <View className='outlets__list'>
              {showMap && search.origin.kind === 'here' && (
                <OutletMap center={search.origin.position} outlets={data.items} onOpen={openOutlet} onUnavailable={() => setShowMap(false)} />
              )}
              {data.items.map((outlet) => (
                <OutletCard key={outlet.id} outlet={outlet} now={now} onOpen={open} />
              ))}
              {data.more && (
                <Button className='outlets__more' size='large' block loading={search.loadingMore} onClick={search.loadMore}>
                  显示更多
                </Button>
              )}
            </View>
          )}
        </RemoteContent>
      )}
    </PageRoot>
  );
}

export default OutletsPage;
