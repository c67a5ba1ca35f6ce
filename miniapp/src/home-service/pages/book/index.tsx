import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';

import type { ServiceDetail, ServiceOrderView, SessionAccount } from '@linli/shared';

import { isEmptyList, RemoteContent, RemoteRecord } from '../../../components/remote-content';
import { ResidentGate } from '../../../components/resident-gate';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { useServiceDetail } from '../../../hooks/useCatalogue';
import { DESCRIPTION_LIMITS, useHomeOrderForm, useHomeOrderPeople } from '../../../hooks/useHomeOrderForm';
import { usePageId } from '../../../hooks/usePageId';
import { dateLabel } from '../../../services/booking-messages';
import { WINDOW_PRESETS } from '../../../services/order-messages';
import { ROUTES, pageUrlWithId } from '../../../services/routes';

import type { HomeOrderFormHandle, HomeOrderPerson } from '../../../hooks/useHomeOrderForm';

import '../../components/home-order.scss';

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
      {service.centres.map((centre) => (
        <View
          key={centre.centreId}
          className={`home-centre${centre.centreId === form.centreId ? ' home-centre--selected' : ''}`}
          ariaRole='radio'
          onClick={() => form.chooseCentre(centre.centreId)}
        >
          <Text className='home-centre__name'>{centre.centreName}</Text>
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
          <View
            key={date}
            className={`home-date${date === form.date ? ' home-date--selected' : ''}`}
            ariaRole='radio'
            onClick={() => form.chooseDate(date)}
          >
            <Text>{dateLabel(date)}</Text>
          </View>
        ))}
      </View>
      <Text className='home-form__label'>什么时间</Text>
      <View className='home-form__choices'>
        {WINDOW_PRESETS.map((preset) => {
          const open = form.presetOpen(preset.key);
          const selected = preset.key === form.preset;
          return (
            <View
              key={preset.key}
              className={`home-window${selected ? ' home-window--selected' : ''}${open ? '' : ' home-window--disabled'}`}
              data-window={preset.key}
              ariaRole='radio'
              ariaLabel={`${preset.label} ${preset.start}到${preset.end}${open ? '' : '，已过'}`}
              onClick={() => form.choosePreset(preset.key)}
            >
              <Text className='home-window__label'>{preset.label}</Text>
              <Text>{open ? `${preset.start}–${preset.end}` : '已过'}</Text>
            </View>
          );
        })}
      </View>
      <FieldError text={form.errors.window} />
    </View>
  );
}

function HomeOrderForm({ service, people }: { service: ServiceDetail; people: readonly HomeOrderPerson[] }) {
  const open = (order: ServiceOrderView) => void Taro.redirectTo({ url: pageUrlWithId(ROUTES.homeOrder, order.id) });
  const form = useHomeOrderForm(service, people, open);
  const { outcome } = form;
  return (
    <View className='home-form'>
      <CentreStep service={service} form={form} />
      <PersonStep people={people} form={form} />
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
      <SubmitButton className='home-form__submit' pending={outcome.status === 'pending' || outcome.status === 'created'} onClick={form.submit}>
        提交预约
      </SubmitButton>
    </View>
  );
}

function ForResident({ service, account }: { service: ServiceDetail; account: SessionAccount }) {
  const people = useHomeOrderPeople(account);
  return (
    <RemoteContent state={people.state} onRetry={people.retry} isEmpty={isEmptyList} emptyText='请先在“我的”里填写您的信息'>
      {(found) => <HomeOrderForm service={service} people={found} />}
    </RemoteContent>
  );
}

/** `/home-service/pages/book/index?id=<serviceId>`: ask for a home visit in one short screen. */
export function HomeOrderBookPage() {
  const service = useServiceDetail(usePageId());
  return (
    <View className='page-root home-book'>
      <RemoteRecord state={service.state} onRetry={service.retry} notFoundText='没有找到这项服务，可能已经下线，请返回重新选择'>
        {(found) => (
          <>
            <Text className='home-book__title'>上门服务：{found.name}</Text>
            <Text className='home-book__line'>服务人员会在您选的时间段内上门，接单后会显示服务人员和电话。</Text>
            {found.centres.length === 0 ? (
              <Text className='home-form__message'>暂时没有市民中心安排这项上门服务，请过几天再来看看。</Text>
            ) : (
              <ResidentGate staffHint='上门服务请居民本人或家人在小程序里预约。'>
                {(account) => <ForResident key={account.id} service={found} account={account} />}
              </ResidentGate>
            )}
          </>
        )}
      </RemoteRecord>
    </View>
  );
}

export default HomeOrderBookPage;
