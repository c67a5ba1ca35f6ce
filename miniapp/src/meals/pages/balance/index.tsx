import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MEAL_BALANCE_ENTRY_KIND_LABELS, MEAL_BALANCE_ENTRY_METHOD_LABELS } from '@linli/shared';

import type { MealBalanceEntryView, SessionAccount } from '@linli/shared';

import { PageRoot } from '../../../components/page-root';
import { isEmptyList, RemoteContent } from '../../../components/remote-content';
import { ResidentGate } from '../../../components/resident-gate';
import { usePageParam } from '../../../hooks/usePageId';
import { formatDateTime } from '../../../utils/datetime';
import { yuan } from '../../../texts/meal-messages';
import { PersonChoice } from '../../components/person-choice';
import { TopUpPanel } from './top-up-panel';
import { useMealBalance } from '../../hooks/useMealBalance';
import { useMealPeople } from '../../hooks/useMealPeople';

import type { MealPerson } from '../../hooks/useMealPeople';

import '../../components/meals.scss';

function EntryRow({ entry }: { entry: MealBalanceEntryView }) {
  const what = [MEAL_BALANCE_ENTRY_KIND_LABELS[entry.kind], entry.method ? MEAL_BALANCE_ENTRY_METHOD_LABELS[entry.method] : null].filter(Boolean).join(' · ');
  return (
    <View className='balance-entry'>
      <View className='balance-entry__head'>
        <Text className='balance-entry__kind'>{what}</Text>
        <Text className={`balance-entry__amount${entry.amountFen < 0 ? ' balance-entry__amount--out' : ''}`}>
          {entry.amountFen > 0 ? '+' : ''}
          {yuan(entry.amountFen)}
        </Text>
      </View>
      <Text className='balance-entry__line'>{formatDateTime(entry.createdAt) ?? entry.createdAt}</Text>
      {entry.note && <Text className='balance-entry__line'>{entry.note}</Text>}
      <Text className='balance-entry__line'>余额 {yuan(entry.balanceAfterFen)}</Text>
    </View>
  );
}

function BalanceOf({ person }: { person: MealPerson }) {
  const balance = useMealBalance(person.id);
  return (
    <>
      {/* Outside the balance's loading state: reloading after a top-up keeps 支付成功 on screen. */}
      <TopUpPanel person={person} onCredited={balance.retry} />
      <RemoteContent state={balance.state} onRetry={balance.retry} emptyText=''>
        {(view) => (
          <>
            <View className='balance-total'>
              <Text className='balance-total__label'>{person.name}的助餐余额</Text>
              <Text className='balance-total__amount'>{yuan(view.balanceFen)}</Text>
            </View>
            <Text className='meals__label'>明细</Text>
            <RemoteContent state={{ status: 'ready', data: balance.entries }} onRetry={balance.retry} isEmpty={isEmptyList} emptyText='还没有收支记录。'>
              {(entries) => entries.map((entry) => <EntryRow key={entry.id} entry={entry} />)}
            </RemoteContent>
            {balance.moreError && <Text className='meals__note'>{balance.moreError}</Text>}
            {balance.hasMore && (
              <Button className='balance-more' size='large' block loading={balance.loadingMore} disabled={balance.loadingMore} onClick={balance.loadMore}>
                查看更早的记录
              </Button>
            )}
          </>
        )}
      </RemoteContent>
    </>
  );
}

function BalanceFor({ account }: { account: SessionAccount }) {
  const people = useMealPeople(account, usePageParam('person') || undefined);
  const { person } = people;
  return (
    <RemoteContent state={people.state} onRetry={people.retry} isEmpty={isEmptyList} emptyText='请先在“我的”里填写您的信息'>
      {(found) =>
        person && (
          <>
            <PersonChoice label='看谁的余额' people={found} person={person} onChoose={people.choose} />
            <BalanceOf key={person.id} person={person} />
          </>
        )
      }
    </RemoteContent>
  );
}

/** `/meals/pages/balance/index?person=<residentId>`: the meal balance and its ledger, mine or a household elder's. */
export function MealBalancePage() {
  return (
    <PageRoot className='meals'>
      <ResidentGate staffHint='工作人员请在工作台查看老人的助餐余额。'>{(account) => <BalanceFor key={account.id} account={account} />}</ResidentGate>
    </PageRoot>
  );
}

export default MealBalancePage;
