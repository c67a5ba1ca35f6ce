import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';

import type { CentreSummary } from '@linli/shared';

import { PageRoot } from '../../components/page-root';
import { isEmptyList, RemoteContent } from '../../components/remote-content';
import { useCatalogue } from '../../hooks/useCatalogue';
import { useCentres } from '../../hooks/useCentres';
import { useCommunities } from '../../hooks/useCommunities';
import { useElderMode } from '../../hooks/useElderMode';
import { useSession } from '../../hooks/useSession';
import { centrePageUrl } from '../centre/url';
import { CategoryTiles } from './category-tiles';
import { CentreCard } from './centre-card';
import { CommunityCard } from './community-card';
import { ElderHome } from './elder-home';
import { MealTile } from './meal-tile';
import { MessagesEntry } from './messages-entry';
import { NextUp } from './next-up';
import { OutletsTile } from './outlets-tile';

import './index.scss';

function openCentre(centre: CentreSummary): void {
  void Taro.navigateTo({ url: centrePageUrl(centre.id) });
}

/** 首页 as everyone sees it outside elder mode: what is near, every category, the centres and communities. */
function FullHome() {
  const catalogue = useCatalogue();
  const communities = useCommunities();
  const centres = useCentres();
  const { state: session } = useSession();
  // Residents who may see their own data: staff and workers have their own workbench, consent comes first.
  const resident = session.status === 'signed-in' && session.account.role === 'resident' && !session.account.consentRequired ? session.account : null;

  return (
    <>
      {resident && <NextUp key={resident.id} />}
      {resident && <MessagesEntry key={`messages-${resident.id}`} />}
      <View className='home__section'>
        <Text className='home__title'>社区服务</Text>
        <MealTile />
        <OutletsTile />
        <RemoteContent state={catalogue.state} onRetry={catalogue.retry} isEmpty={isEmptyList} emptyText='暂时还没有服务信息'>
          {(categories) => <CategoryTiles categories={categories} />}
        </RemoteContent>
      </View>
      <View className='home__section'>
        <Text className='home__title'>社区市民中心</Text>
        <RemoteContent state={centres.state} onRetry={centres.retry} isEmpty={isEmptyList} emptyText='暂时还没有市民中心信息'>
          {(items) => items.map((centre) => <CentreCard key={centre.id} centre={centre} onOpen={openCentre} />)}
        </RemoteContent>
      </View>
      <View className='home__section'>
        <Text className='home__title'>社区</Text>
        <RemoteContent state={communities.state} onRetry={communities.retry} isEmpty={isEmptyList} emptyText='暂时还没有社区信息'>
          {(items) => items.map((community) => <CommunityCard key={community.id} community={community} />)}
        </RemoteContent>
      </View>
    </>
  );
}

/** 首页: the full page, or in 长辈模式 only the big tiles of the most used entries (elder-home). */
export function HomePage() {
  const elderMode = useElderMode();
  return <PageRoot className='home'>{elderMode.on ? <ElderHome /> : <FullHome />}</PageRoot>;
}

export default HomePage;
