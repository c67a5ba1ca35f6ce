import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_STATUS_LABELS, MAX_GROUP_SIZE, readBackSentence, shanghaiDateOf } from '@linli/shared';

import type { BookingView, ServiceDetail, WaitlistEntryView } from '@linli/shared';
import type { ReactNode } from 'react';

import { useBookingFlow } from '../../hooks/useBookingFlow';
import { BOOKING_MESSAGES, bringHeading, ownCommunityTag, slotWhen } from '../../texts/booking-messages';
import { openMeTab } from '../../navigation/routes';
import { CheckInCodePanel } from '../check-in-code';
import { ContactCommunity } from '../contact-community';
import { MaterialsList } from '../materials-list';
import { ReadAloudButton } from '../read-aloud-button';
import { ReadBack } from '../read-back';
import { SlotPicker } from '../slot-picker';

import type { BookingFlowHandle, BookingPerson } from '../../hooks/useBookingFlow';

import './index.scss';

export interface BookingFlowProps {
  service: ServiceDetail;
  people: readonly BookingPerson[];
  /** Buttons under the success summary (to 订单, or back to the staff list). */
  successActions: ReactNode;
  /** The centre whose page the person came from: chosen in advance when it offers the service. */
  centreId?: string;
  /** 联系社区 under the steps (a resident's own booking; staff at their desk have no use for it). */
  showContact?: boolean;
}

/**
 * Booking one service: who for (asked first, when there is a choice), centre (their own community's chosen in
 * advance), date (the first with a free seat chosen in advance) and time; then the read-back (what, for whom, where,
 * when) with 确认预约 and 返回修改 alone on the screen; then a plain summary of what was booked.
 */
export function BookingFlow({ service, people, successActions, centreId, showContact = false }: BookingFlowProps) {
  const flow = useBookingFlow(service, people, centreId);
  const { outcome } = flow;

  if (service.mode === 'home') return <Text className='booking-flow__message'>{BOOKING_MESSAGES.HOME_SERVICE}</Text>;
  if (outcome.status === 'booked') return <BookingSuccess booking={outcome.booking} actions={successActions} />;
  if (outcome.status === 'waitlisted') return <WaitlistSuccess entry={outcome.entry} actions={successActions} />;
  if (service.centres.length === 0) {
    return <Text className='booking-flow__message'>暂时没有市民中心提供这项服务，请过几天再来看看。</Text>;
  }

  const { person } = flow;
  // The read-back is a screen of its own: the choices above it come back with 返回修改.
  const confirming = Boolean(person && flow.centreId && flow.picked);
  return (
    <View className='booking-flow'>
      {people.length > 1 && !confirming && <PersonChoice people={people} flow={flow} />}
      {person && service.centres.length > 1 && !confirming && <CentreChoice person={person} flow={flow} />}
      {person && flow.centreId && !flow.picked && (
        <SlotPicker key={flow.centreId} centreId={flow.centreId} serviceId={service.id} onPick={flow.pickSlot} onWaitlist={flow.waitFor} />
      )}
      {person && confirming && <ConfirmStep service={service} person={person} flow={flow} />}
      {showContact && <ContactCommunity centreId={flow.centreId} communityId={person?.communityId ?? null} />}
    </View>
  );
}

/** 为谁预约, asked before anything else and with nobody chosen in advance: the resident must say. */
function PersonChoice({ people, flow }: { people: readonly BookingPerson[]; flow: BookingFlowHandle }) {
  return (
    <View className='booking-flow__section'>
      <Text className='booking-flow__label'>为谁预约</Text>
      <View className='booking-flow__people'>
        {people.map((person) => {
          const selected = person.id === flow.person?.id;
          return (
            <View
              key={person.id}
              className={`booking-person${selected ? ' booking-person--selected' : ''}`}
              ariaRole='radio'
              ariaLabel={`${person.relation} ${person.name}${selected ? '，已选择' : ''}`}
              onClick={() => flow.choosePerson(person.id)}
            >
              <Text className='booking-person__relation'>{person.relation}</Text>
              <Text className='booking-person__name'>{person.name}</Text>
            </View>
          );
        })}
      </View>
      {!flow.person && <Text className='booking-flow__hint'>请先选择为谁预约，再选地点和时间。</Text>}
    </View>
  );
}

/** The centres for the chosen person, their own community's first and marked so. */
function CentreChoice({ person, flow }: { person: BookingPerson; flow: BookingFlowHandle }) {
  return (
    <View className='booking-flow__section'>
      <Text className='booking-flow__label'>选择市民中心</Text>
      {flow.centres.map(({ centre, mine }) => (
        <View
          key={centre.centreId}
          className={`booking-centre${centre.centreId === flow.centreId ? ' booking-centre--selected' : ''}`}
          ariaRole='radio'
          onClick={() => flow.chooseCentre(centre.centreId)}
        >
          <Text className='booking-centre__name'>{centre.centreName}</Text>
          {mine && <Text className='booking-centre__mine'>{ownCommunityTag(person)}</Text>}
          <Text className='booking-centre__line'>{centre.address}</Text>
        </View>
      ))}
    </View>
  );
}

function ConfirmStep({ service, person, flow }: { service: ServiceDetail; person: BookingPerson; flow: BookingFlowHandle }) {
  const { slot, intent } = flow.picked!;
  const centre = service.centres.find((item) => item.centreId === flow.centreId)!;
  const { outcome } = flow;
  const waitlist = intent === 'waitlist';
  const sentence = readBackSentence(
    { kind: waitlist ? 'waitlist' : 'book', person: person.name, when: slot, centre: centre.centreName, service: service.name },
    shanghaiDateOf(new Date()),
  );
  const message = outcome.status === 'failed' && (
    <>
      <Text className='booking-flow__message'>{outcome.message}</Text>
      {outcome.code === 'SLOT_FULL' && (
        <Button className='booking-join-waitlist' type='primary' size='large' block onClick={flow.switchToWaitlist}>
          加入候补
        </Button>
      )}
      {outcome.code === 'CONSENT_REQUIRED' && (
        <Button className='booking-flow__consent' type='primary' size='large' block onClick={openMeTab}>
          去“我的”查看隐私政策
        </Button>
      )}
    </>
  );
  return (
    <ReadBack
      className='booking-flow__section booking-confirm-step'
      title={waitlist ? '加入候补' : '核对预约'}
      sentence={sentence}
      message={message}
      confirmClassName='booking-confirm'
      confirmText={waitlist ? '确认加入候补' : '确认预约'}
      pending={outcome.status === 'pending'}
      onConfirm={flow.submit}
      confirmHidden={outcome.status === 'failed' && outcome.code === 'CONSENT_REQUIRED'}
      backClassName='booking-flow__repick'
      onBack={flow.repick}
    >
      <View className='booking-summary'>
        <Text className='booking-summary__line'>服务：{service.name}</Text>
        <Text className='booking-summary__line'>
          地点：{centre.centreName}（{centre.address}）
        </Text>
        <Text className='booking-summary__line'>时间：{slotWhen(slot)}</Text>
        <Text className='booking-summary__line booking-summary__person'>
          预约人：{person.name}（{person.relation}）
        </Text>
        {waitlist && <Text className='booking-summary__line'>这个时段已约满。有人取消时，按排队顺序为您补上，并通知您。</Text>}
      </View>

      {service.mode === 'venue' && <GroupSizeStepper flow={flow} />}

      <View className='booking-summary'>
        <Text className='booking-summary__title'>{bringHeading(person)}</Text>
        <MaterialsList materials={service.materials} lineClassName='booking-summary__line' />
        {service.needsReview && !waitlist && <Text className='booking-summary__line booking-summary__line--review'>提交后需工作人员确认，确认后预约才生效。</Text>}
      </View>
    </ReadBack>
  );
}

/** Venue services: how many people will use the room or court, with big − and + buttons. */
function GroupSizeStepper({ flow }: { flow: BookingFlowHandle }) {
  const { groupSize } = flow;
  return (
    <View className='booking-group-size'>
      <Text className='booking-flow__label'>使用人数</Text>
      <View className='booking-group-size__row'>
        <Button className='booking-group-size__minus' size='large' disabled={groupSize <= 1} ariaLabel='减少 1 人' onClick={() => flow.changeGroupSize(-1)}>
          −
        </Button>
        <Text className='booking-group-size__value'>{groupSize}</Text>
        <Button className='booking-group-size__plus' size='large' disabled={groupSize >= MAX_GROUP_SIZE} ariaLabel='增加 1 人' onClick={() => flow.changeGroupSize(1)}>
          +
        </Button>
      </View>
      <Text className='booking-group-size__hint'>最多 {MAX_GROUP_SIZE} 人</Text>
    </View>
  );
}

type SlotRecord = Pick<BookingView, 'date' | 'start' | 'end' | 'person'> & {
  service: { name: string };
  centre: { name: string };
};

/** What was booked (or waited for), where, when and for whom: the lines both success screens share. */
function SuccessLines({ of, address, personLabel }: { of: SlotRecord; address?: string; personLabel: string }) {
  return (
    <>
      <Text className='booking-success__line'>服务：{of.service.name}</Text>
      <Text className='booking-success__line'>地点：{of.centre.name}</Text>
      {address && <Text className='booking-success__line'>地址：{address}</Text>}
      <Text className='booking-success__line'>时间：{slotWhen(of)}</Text>
      <Text className='booking-success__line'>
        {personLabel}：{of.person.name}
      </Text>
    </>
  );
}

function BookingSuccess({ booking, actions }: { booking: BookingView; actions: ReactNode }) {
  const review = booking.status === 'pending_review';
  return (
    <View className='booking-success'>
      <Text className='booking-success__title'>{review ? '已提交，等待确认' : '预约成功'}</Text>
      <SuccessLines of={booking} address={booking.centre.address} personLabel='预约人' />
      {booking.groupSize !== null && <Text className='booking-success__line'>人数：{booking.groupSize}</Text>}
      <Text className='booking-success__line'>状态：{BOOKING_STATUS_LABELS[booking.status]}</Text>
      {review && <Text className='booking-success__review'>需工作人员确认。确认后会通知您，也可以在“订单”里查看。</Text>}
      <ReadAloudButton
        className='booking-success__read-aloud'
        text={`${readBackSentence({ kind: 'book', person: booking.person.name, when: booking, centre: booking.centre.name, service: booking.service.name, done: true }, shanghaiDateOf(new Date()))}，${BOOKING_STATUS_LABELS[booking.status]}`}
      />
      {booking.status === 'confirmed' && booking.bookedFor !== 'staff' && <CheckInCodePanel bookingId={booking.id} hint='到中心后出示此码' />}
      {actions}
    </View>
  );
}

function WaitlistSuccess({ entry, actions }: { entry: WaitlistEntryView; actions: ReactNode }) {
  return (
    <View className='booking-success waitlist-success'>
      <Text className='booking-success__title'>已加入候补</Text>
      <SuccessLines of={entry} personLabel='候补人' />
      {entry.position !== null && <Text className='booking-success__line'>排在第 {entry.position} 位</Text>}
      <Text className='booking-success__review'>有人取消时会按顺序为您补上，补上后就是正式预约。</Text>
      {actions}
    </View>
  );
}
