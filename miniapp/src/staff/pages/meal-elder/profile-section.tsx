import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ageOn, HARDSHIP_CATEGORIES, HARDSHIP_CATEGORY_LABELS } from '@linli/shared';

import type { ElderMealProfileView, HardshipCategory, HardshipRecordView, MealDistrictView } from '@linli/shared';

import { ChoiceGrid } from '../../../components/choice-grid';
import { RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { useElderMealProfile } from '../../hooks/useElderMealProfile';
import { useMealDistricts } from '../../hooks/useMealDistricts';

import type { ElderMealProfileHandle, HardshipDraft } from '../../hooks/useElderMealProfile';

const CATEGORY_BY_LABEL = Object.fromEntries(HARDSHIP_CATEGORIES.map((category) => [HARDSHIP_CATEGORY_LABELS[category], category])) as Record<string, HardshipCategory>;

function validity(record: HardshipRecordView): string {
  return `${record.validFrom} 至 ${record.validTo ?? '长期'}`;
}

function HardshipCard({ desk, record }: { desk: ElderMealProfileHandle; record: HardshipRecordView }) {
  const state = desk.actions.of(record.id);
  const ending = desk.ending?.id === record.id ? desk.ending : null;
  const current = record.validTo === null || record.validTo >= desk.today;
  return (
    <View className='staff-booking staff-hardship' data-hardship={record.id}>
      <Text className='staff-booking__title'>{HARDSHIP_CATEGORY_LABELS[record.category]}</Text>
      <Text className='staff-booking__line'>有效期：{validity(record)}</Text>
      {record.note && <Text className='staff-booking__line'>备注：{record.note}</Text>}
      {record.endedAt && <Text className='staff-booking__status'>已终止</Text>}
      {current && !ending && (
        <Button className='staff-desk__button staff-hardship__end' size='large' block onClick={() => desk.setEnding({ id: record.id, validTo: desk.today })}>
          终止
        </Button>
      )}
      {ending && (
        <>
          <TextField
            label='最后有效日期'
            value={ending.validTo}
            onChange={(validTo) => desk.setEnding({ id: record.id, validTo })}
            inputClassName='staff-hardship__end-date'
            maxlength={10}
          />
          <SubmitButton className='staff-hardship__end-confirm' type='danger' pending={state.status === 'pending'} onClick={desk.confirmEnd}>
            确认终止
          </SubmitButton>
          <Button className='staff-desk__button' size='large' block onClick={() => desk.setEnding(null)}>
            不终止
          </Button>
        </>
      )}
      {state.status === 'failed' && <Text className='staff-desk__message'>{state.message}</Text>}
    </View>
  );
}

function HardshipForm({ desk, draft }: { desk: ElderMealProfileHandle; draft: HardshipDraft }) {
  const state = desk.actions.of('hardship');
  return (
    <View className='staff-desk__block staff-hardship-form'>
      <ChoiceGrid
        label='困难类别（已与民政记录核对）'
        options={HARDSHIP_CATEGORIES.map((category) => HARDSHIP_CATEGORY_LABELS[category])}
        value={draft.category ? HARDSHIP_CATEGORY_LABELS[draft.category] : null}
        onChange={(label) => desk.setDraft({ ...draft, category: CATEGORY_BY_LABEL[label] })}
      />
      <TextField label='起始日期' value={draft.validFrom} onChange={(validFrom) => desk.setDraft({ ...draft, validFrom })} inputClassName='staff-hardship-from' maxlength={10} />
      <TextField
        label='截止日期'
        hint='长期有效请留空'
        value={draft.validTo}
        onChange={(validTo) => desk.setDraft({ ...draft, validTo })}
        inputClassName='staff-hardship-to'
        maxlength={10}
      />
      <TextField label='备注（如低保证号）' value={draft.note} onChange={(note) => desk.setDraft({ ...draft, note })} inputClassName='staff-hardship-note' maxlength={100} />
      <SubmitButton className='staff-hardship-save' pending={state.status === 'pending'} onClick={desk.saveHardship}>
        核实并保存
      </SubmitButton>
      <Button className='staff-desk__button' size='large' block onClick={() => desk.setDraft(null)}>
        不添加
      </Button>
      {state.status === 'failed' && <Text className='staff-desk__message'>{state.message}</Text>}
    </View>
  );
}

/**
 * 户籍: any district of the city (elders often live in one district with their 户籍 in another), or unknown — then only
 * the rules open to residents apply. A tap records it at once; the chosen one is filled.
 */
function RegisteredDistrictChoice({ desk, profile, districts }: { desk: ElderMealProfileHandle; profile: ElderMealProfileView; districts: MealDistrictView[] }) {
  const choices = [...districts.map((district) => ({ id: district.id, label: `户籍在${district.name}` })), { id: null, label: '户籍不明' }];
  return (
    <View className='staff-desk__choices staff-registered-district'>
      {choices.map((choice) => {
        const selected = choice.id === profile.registeredDistrictId;
        return (
          <View
            key={choice.id ?? 'unknown'}
            className={`staff-chip staff-district${selected ? ' staff-chip--selected' : ''}`}
            data-district={choice.id ?? 'unknown'}
            ariaRole='radio'
            ariaLabel={selected ? `${choice.label}，已选择` : choice.label}
            onClick={() => !selected && desk.setDistrict(choice.id)}
          >
            <Text>{choice.label}</Text>
          </View>
        );
      })}
    </View>
  );
}

function Profile({ desk, profile }: { desk: ElderMealProfileHandle; profile: ElderMealProfileView }) {
  const district = desk.actions.of('district');
  const districts = useMealDistricts();
  return (
    <>
      <Text className='staff-desk__line staff-meal-profile__age'>
        {profile.birthDate ? `${ageOn(profile.birthDate, desk.today)} 岁（出生于 ${profile.birthDate}）` : '没有核实的身份证号，不按年龄补贴'}
      </Text>
      <Text className='staff-desk__line staff-meal-profile__district'>
        户籍：{profile.registeredDistrictName ?? '未登记'} · 居住：{profile.residenceDistrictName ?? '未知'}
      </Text>
      <RemoteContent state={districts.state} onRetry={districts.retry} emptyText=''>
        {(items) => <RegisteredDistrictChoice desk={desk} profile={profile} districts={items} />}
      </RemoteContent>
      {district.status === 'failed' && <Text className='staff-desk__message'>{district.message}</Text>}
      <Text className='staff-desk__label'>困难认定</Text>
      {profile.hardships.length === 0 && <Text className='staff-desk__line'>没有困难认定记录</Text>}
      {profile.hardships.map((record) => (
        <HardshipCard key={record.id} desk={desk} record={record} />
      ))}
      {desk.draft ? (
        <HardshipForm desk={desk} draft={desk.draft} />
      ) : (
        <Button className='staff-desk__button staff-hardship-add' type='primary' size='large' block onClick={desk.newHardship}>
          添加困难认定
        </Button>
      )}
    </>
  );
}

/** 助餐档案: age, districts and hardships with validity; staff record what they checked. */
export function ProfileSection({ residentId }: { residentId: string }) {
  const desk = useElderMealProfile(residentId);
  return (
    <View className='staff-desk__block staff-meal-profile'>
      <Text className='staff-desk__label'>助餐档案</Text>
      <RemoteContent state={desk.profile.state} onRetry={desk.profile.retry} emptyText=''>
        {(profile) => <Profile desk={desk} profile={profile} />}
      </RemoteContent>
    </View>
  );
}
