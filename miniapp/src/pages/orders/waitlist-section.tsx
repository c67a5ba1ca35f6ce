import { Text, View } from '@tarojs/components';

import type { WaitlistEntryView } from '@linli/shared';

import { SubmitButton } from '../../components/submit-button';
import { slotWhen } from '../../texts/booking-messages';

import type { MyBookingsHandle } from '../../hooks/useMyBookings';

function WaitlistRow({ entry, orders }: { entry: WaitlistEntryView; orders: MyBookingsHandle }) {
  const request = orders.requestOf(entry.id);
  const promoted = entry.status === 'promoted';
  return (
    <View className={`waitlist-entry${promoted ? ' waitlist-entry--promoted' : ''}`}>
      <Text className='booking-card__service'>{entry.service.name}</Text>
      <Text className='booking-card__line'>时间：{slotWhen(entry)}</Text>
      <Text className='booking-card__line'>地点：{entry.centre.name}</Text>
      <Text className='booking-card__line'>候补人：{entry.person.name}</Text>
      {promoted && <Text className='waitlist-entry__position waitlist-entry__promoted'>候补成功，已为您预约</Text>}
      {!promoted && entry.position !== null && <Text className='waitlist-entry__position'>排在第 {entry.position} 位</Text>}
      {!promoted && (
        <SubmitButton className='waitlist-leave' type='danger' pending={request.status === 'pending'} onClick={() => orders.leave(entry)}>
          退出候补
        </SubmitButton>
      )}
      {request.status === 'failed' && <Text className='booking-card__error'>{request.message}</Text>}
    </View>
  );
}

/** Places in line for full slots; a promoted place stays here as 候补成功 (its booking is listed above too). */
export function WaitlistSection({ orders }: { orders: MyBookingsHandle }) {
  if (orders.waitlistShown.length === 0) return null;
  return (
    <View className='orders__section'>
      <Text className='orders__heading'>候补</Text>
      {orders.waitlistShown.map((entry) => (
        <WaitlistRow key={entry.id} entry={entry} orders={orders} />
      ))}
    </View>
  );
}
