import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

import { readBackSentence, shanghaiDateOf } from '@linli/shared';

import type { ServiceDetail, ServiceOrderView } from '@linli/shared';

import { DESCRIPTION_LIMITS, useHomeOrderForm } from '../../hooks/useHomeOrderForm';
import { dateLabel, ownCommunityTag, unavailableNote } from '../../texts/booking-messages';
import { WINDOW_PRESETS } from '../../forms/visit-window';
import { ContactCommunity } from '../contact-community';
import { ReadBack } from '../read-back';
import { SubmitButton } from '../submit-button';
import { TextField } from '../text-field';

import type { HomeOrderFormHandle, HomeOrderPerson } from '../../hooks/useHomeOrderForm';

import './index.scss';

/** Picking a spot on the map works in WeChat; the H5 build has no map key, so it is not offered there. */
const CAN_CHOOSE_PLACE = process.env.TARO_ENV === 'weapp';

function FieldError({ text }: { text?: string }) {
  return text ? <Text className='home-form__error'>{text}</Text> : null;
}

function CentreStep({ service, form }: { service: ServiceDetail; form: HomeOrderFormHandle }) {
  if (service.centres.length <= 1) return null;
  return (
    <View className='home-form__block'>
      <Text className='home-form__label'>哪个市民中心安排</Text>
      {form.centres.map(({ centre, mine }) => (
        <View
          key={centre.centreId}
          className={`home-centre${centre.centreId === form.centreId ? ' home-centre--selected' : ''}`}
          ariaRole='radio'
          onClick={() => form.chooseCentre(centre.centreId)}
        >
          <Text className='home-centre__name'>{centre.centreName}</Text>
          {mine && form.centresFor && <Text className='home-centre__mine'>{ownCommunityTag(form.centresFor)}</Text>}
          <Text>{centre.regionName}</Text>
        </View>
      ))}
      <FieldError text={form.errors.centre} />
    </View>
  );
}

function PersonStep({ people, form }: { people: readonly HomeOrderPerson[]; form: HomeOrderFormHandle }) {
  return (
    <View className='home-form__block'>
      <Text className='home-form__label'>为谁预约</Text>
      <View className='home-form__choices'>
        {people.map((person) => (
          <View
            key={person.id}
            className={`home-person${person.id === form.personId ? ' home-person--selected' : ''}`}
            ariaRole='radio'
            ariaLabel={`${person.relation} ${person.name}${person.id === form.personId ? '，已选择' : ''}`}
            onClick={() => form.choosePerson(person.id)}
          >
            <Text>{person.relation}</Text>
            <Text className='home-person__name'>{person.name}</Text>
          </View>
        ))}
      </View>
      <FieldError text={form.errors.person} />
    </View>
  );
}

function WindowStep({ form }: { form: HomeOrderFormHandle }) {
  return (
    <View className='home-form__block'>
      <Text className='home-form__label'>哪天上门</Text>
      <View className='home-form__choices'>
        {form.dates.map((date) => (
          <View key={date} className={`home-date${date === form.date ? ' home-date--selected' : ''}`} ariaRole='radio' onClick={() => form.chooseDate(date)}>
            <Text>{dateLabel(date)}</Text>
          </View>
        ))}
      </View>
      <Text className='home-form__label'>什么时间</Text>
      <View className='home-form__choices'>
        {WINDOW_PRESETS.map((preset) => {
          const unavailable = form.presetUnavailable(preset.key);
          const note = unavailable && unavailableNote(unavailable);
          const selected = preset.key === form.preset;
          return (
            <View
              key={preset.key}
              className={`home-window${selected ? ' home-window--selected' : ''}${note ? ' home-window--disabled' : ''}`}
              data-window={preset.key}
              ariaRole='radio'
              ariaLabel={`${preset.label} ${preset.start}到${preset.end}${note ? `，${note}` : ''}`}
              onClick={() => form.choosePreset(preset.key)}
            >
              <Text className='home-window__label'>{preset.label}</Text>
              <Text>{note ?? `${preset.start}–${preset.end}`}</Text>
            </View>
          );
        })}
      </View>
      <FieldError text={form.errors.window} />
    </View>
  );
}

export interface HomeOrderFormProps {
  service: ServiceDetail;
  /** Who it can be for: the resident and their household, or the one resident staff chose. */
  people: readonly HomeOrderPerson[];
  /** Called once with the new order (the page then opens it). */
  onCreated: (order: ServiceOrderView) => void;
  /** The centre whose page the person came from: chosen in advance when it offers the service. */
  centreId?: string;
  /** 联系社区 under the form (a resident's own request; staff at their desk have no use for it). */
  showContact?: boolean;
}

/**
 * The short 上门服务 form: centre (if several), for whom, address (prefilled from the person's record), a day and
 * 上午/下午/晚上, what is needed. Residents use it in home-service/book, staff in 代居民预约.
 */
export function HomeOrderForm({ service, people, onCreated, centreId, showContact = false }: HomeOrderFormProps) {
  const form = useHomeOrderForm(service, people, onCreated, centreId);
  const { outcome } = form;
  const person = people.find((candidate) => candidate.id === form.personId);
  const preset = WINDOW_PRESETS.find((item) => item.key === form.preset);
  if (form.reviewing && person && preset && form.date) {
    const sentence = readBackSentence(
      { kind: 'home_order', person: person.name, when: { date: form.date, start: preset.start, end: preset.end }, service: service.name, address: form.address.trim() },
      shanghaiDateOf(new Date()),
    );
    return (
      <View className='home-form home-form--review'>
        <ReadBack
          className='home-confirm-step'
          title='核对上门服务'
          sentence={sentence}
          message={outcome.status === 'failed' && <Text className='home-form__message'>{outcome.message}</Text>}
          confirmClassName='home-form__confirm'
          confirmText='确认预约'
          pending={outcome.status === 'pending' || outcome.status === 'created'}
          onConfirm={form.submit}
          backClassName='home-confirm-step__back'
          onBack={form.back}
        >
          <Text className='home-form__hint'>需要做什么：{form.description.trim()}</Text>
        </ReadBack>
        {showContact && <ContactCommunity centreId={form.centreId} communityId={person.communityId} />}
      </View>
    );
  }
  return (
    <View className='home-form'>
      {/* For whom first: the centres are then listed for that person, their own community's first. */}
      <PersonStep people={people} form={form} />
      <CentreStep service={service} form={form} />
      <TextField
        label='上门地址'
        value={form.address}
        onChange={form.setAddress}
        error={form.errors.address}
        hint='小区、楼栋、门牌号'
        inputClassName='home-form__address'
        maxlength={200}
      />
      {CAN_CHOOSE_PLACE && (
        <View className='home-form__block'>
          <Button className='home-form__place' size='large' block onClick={form.choosePlace}>
            {form.place ? `已选位置：${form.place.name}（点此重选）` : '选择位置（可不选）'}
          </Button>
          {form.placeMessage && <Text className='home-form__hint'>{form.placeMessage}</Text>}
        </View>
      )}
      <WindowStep form={form} />
      <View className='home-form__block'>
        <Text className='home-form__label'>需要做什么</Text>
        <Textarea
          className='home-form__description'
          value={form.description}
          maxlength={DESCRIPTION_LIMITS.max}
          placeholder='例如：帮忙打扫卫生、量血压、送餐'
          onInput={(event) => form.setDescription(event.detail.value)}
        />
        <FieldError text={form.errors.description} />
      </View>
      {outcome.status === 'failed' && <Text className='home-form__message'>{outcome.message}</Text>}
      <SubmitButton className='home-form__submit' pending={outcome.status === 'pending' || outcome.status === 'created'} onClick={form.review}>
        提交预约
      </SubmitButton>
      {showContact && <ContactCommunity centreId={form.centreId} communityId={form.centresFor?.communityId ?? null} />}
    </View>
  );
}
