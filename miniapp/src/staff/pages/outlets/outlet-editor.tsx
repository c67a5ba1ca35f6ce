import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { describeRanges, OUTLET_ELDER_FEATURE_LABELS, OUTLET_ELDER_FEATURES, OUTLET_KIND_LABELS, OUTLET_KINDS, OUTLET_PHOTOS_MAX, weekdayName } from '@linli/shared';

import type { OutletCommunity, OutletKind, OutletTimeRange, OutletView } from '@linli/shared';

import { RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { useRemoteData } from '../../../hooks/useRemoteData';
import { fetchOutletCommunities, outletPhotoSrc } from '../../../services/outlets';
import { Chips } from '../../components/chips';
import { SaveMessage } from '../../components/save-state';
import { MAX_RANGES_PER_DAY, rangeKey, runsPastMidnight, withAnotherRange } from '../../forms/outlet-form';
import { useOutletEditor } from '../../hooks/useOutletEditor';

import type { DayHoursForm, DayMode, OutletFormErrors } from '../../forms/outlet-form';
import type { OutletEditor as OutletEditorHandle } from '../../hooks/useOutletEditor';

const ON_WEAPP = process.env.TARO_ENV === 'weapp';
const KIND_CHIPS = OUTLET_KINDS.map((kind) => ({ value: kind, label: OUTLET_KIND_LABELS[kind] }));
const DAY_MODE_CHIPS: readonly { value: DayMode; label: string }[] = [
  { value: 'closed', label: '休息' },
  { value: 'hours', label: '营业' },
  { value: 'allDay', label: '24小时' },
];
const DATED_CHIPS = [
  { value: 'closed', label: '休息' },
  { value: 'open', label: '特殊营业时间' },
] as const;

/** A problem of a field that is not a text input (a choice, the hours as a whole), right under it in red. */
function FieldError({ message, className }: { message: string | undefined; className: string }) {
  return message ? <Text className={`text-field__error outlet-edit__error ${className}`}>{message}</Text> : null;
}

interface RangeProps {
  range: OutletTimeRange;
  onChange: (range: OutletTimeRange) => void;
  className: string;
  errors?: { start?: string; end?: string };
}

function RangeFields({ range, onChange, className, errors = {} }: RangeProps) {
  return (
    <View className={`outlet-edit-range ${className}`}>
      <TextField
        label='开始（如 08:00）'
        value={range.start}
        onChange={(start) => onChange({ ...range, start })}
        error={errors.start}
        inputClassName='outlet-edit-range__start'
        maxlength={5}
      />
      <TextField
        label='结束（如 20:00，午夜写 24:00）'
        value={range.end}
        onChange={(end) => onChange({ ...range, end })}
        error={errors.end}
        inputClassName='outlet-edit-range__end'
        maxlength={5}
      />
    </View>
  );
}

function DayHours({ day, errors, onChange }: { day: DayHoursForm; errors: OutletFormErrors; onChange: (day: DayHoursForm) => void }) {
  const setRange = (index: number, range: DayHoursForm['ranges'][number]) => onChange({ ...day, ranges: day.ranges.map((item, at) => (at === index ? range : item)) });
  return (
    <View className={`outlet-edit-day outlet-edit-day--${day.weekday}`}>
      <Text className='staff-form__title'>{weekdayName(day.weekday)}</Text>
      <Chips className='outlet-edit-day__mode' chips={DAY_MODE_CHIPS} value={day.mode} onChange={(mode) => onChange({ ...day, mode })} />
      {day.mode === 'hours' && (
        <>
          {day.ranges.map((range, index) => (
            <View key={index}>
              <RangeFields
                className={`outlet-edit-range--${index + 1}`}
                range={range}
                errors={{ start: errors[rangeKey(day.weekday, index, 'start')], end: errors[rangeKey(day.weekday, index, 'end')] }}
                onChange={(changed) => setRange(index, changed)}
              />
              {runsPastMidnight(range) && <Text className='staff-form__line outlet-edit-range__overnight'>跨夜营业：到次日 {range.end}</Text>}
            </View>
          ))}
          <View className='staff-booking__actions'>
            {day.ranges.length < MAX_RANGES_PER_DAY && (
              <Button className='outlet-edit-day__add-range' size='large' onClick={() => onChange(withAnotherRange(day))}>
                加一段（如午休后）
              </Button>
            )}
            {day.ranges.length > 1 && (
              <Button className='outlet-edit-day__remove-range' size='large' onClick={() => onChange({ ...day, ranges: day.ranges.slice(0, -1) })}>
                去掉最后一段
              </Button>
            )}
          </View>
        </>
      )}
    </View>
  );
}

/** Dates that differ from the week: a holiday or a closure (休息), or special hours, each with the note residents see. */
function DatedHours({ editor }: { editor: OutletEditorHandle }) {
  const { draft, draftErrors } = editor;
  return (
    <View className='staff-form outlet-edit-dated'>
      <Text className='staff-desk__label'>节假日与临时休息</Text>
      {editor.form.dated.length === 0 && <Text className='staff-form__line'>没有特殊日期，按每周营业时间。</Text>}
      {editor.form.dated.map((day) => (
        <View key={day.date} className='outlet-edit-dated__entry' data-date={day.date}>
          <Text className='staff-form__line'>
            {day.date}：{describeRanges(day.ranges)}（{day.note}）
          </Text>
          <Button className='outlet-edit-dated__remove' size='large' onClick={() => editor.removeDated(day.date)}>
            删除
          </Button>
        </View>
      ))}
      <Text className='staff-desk__label'>添加一天</Text>
      <TextField
        label='日期（如 2026-12-01）'
        value={draft.date}
        onChange={(date) => editor.setDraft({ ...draft, date })}
        error={draftErrors.date}
        inputClassName='outlet-edit-dated__date'
        maxlength={10}
      />
      <Chips
        className='outlet-edit-dated__kind'
        chips={DATED_CHIPS}
        value={draft.closed ? 'closed' : 'open'}
        onChange={(value) => editor.setDraft({ ...draft, closed: value === 'closed' })}
      />
      {!draft.closed && (
        <RangeFields
          className='outlet-edit-dated__range'
          range={draft.range}
          errors={{ start: draftErrors.start, end: draftErrors.end }}
          onChange={(range) => editor.setDraft({ ...draft, range })}
        />
      )}
      <TextField
        label='原因（居民会看到，如：元旦休息）'
        value={draft.note}
        onChange={(note) => editor.setDraft({ ...draft, note })}
        error={draftErrors.note}
        inputClassName='outlet-edit-dated__note'
        maxlength={40}
      />
      <Button className='outlet-edit-dated__add' size='large' block onClick={editor.addDated}>
        添加这一天
      </Button>
    </View>
  );
}

function Position({ editor }: { editor: OutletEditorHandle }) {
  const { form, errors } = editor;
  return (
    <View className='staff-form outlet-edit-position'>
      <Text className='staff-desk__label'>位置（GCJ-02，与微信地图一致）</Text>
      {ON_WEAPP && (
        <Button className='outlet-edit-position__map' type='primary' size='large' block onClick={editor.pickOnMap}>
          在地图上选
        </Button>
      )}
      <Button className='outlet-edit-position__community' size='large' block onClick={editor.placeAtCommunity}>
        用所在社区市民中心的位置
      </Button>
      {editor.placeMessage && <Text className='staff-desk__message'>{editor.placeMessage}</Text>}
      <TextField
        label='纬度（如 31.8451）'
        value={form.latitude}
        onChange={(latitude) => editor.change({ latitude })}
        error={errors.latitude}
        inputClassName='outlet-edit-latitude'
        maxlength={12}
      />
      <TextField
        label='经度（如 117.2625）'
        value={form.longitude}
        onChange={(longitude) => editor.change({ longitude })}
        error={errors.longitude}
        inputClassName='outlet-edit-longitude'
        maxlength={12}
      />
    </View>
  );
}

function ElderFeatures({ editor }: { editor: OutletEditorHandle }) {
  const chosen = editor.form.elderFeatures;
  return (
    <>
      <View className='staff-desk__choices'>
        {OUTLET_ELDER_FEATURES.map((feature) => {
          const on = chosen.includes(feature);
          return (
            <View
              key={feature}
              className={`staff-chip outlet-edit-elder${on ? ' staff-chip--selected outlet-edit-elder--selected' : ''}`}
              data-value={feature}
              ariaRole='checkbox'
              ariaLabel={on ? `${OUTLET_ELDER_FEATURE_LABELS[feature]}，已选择` : OUTLET_ELDER_FEATURE_LABELS[feature]}
              onClick={() => editor.change({ elderFeatures: on ? chosen.filter((item) => item !== feature) : [...chosen, feature] })}
            >
              <Text>{OUTLET_ELDER_FEATURE_LABELS[feature]}</Text>
            </View>
          );
        })}
      </View>
      <FieldError message={editor.errors.elderFeatures} className='outlet-edit-elder__error' />
    </>
  );
}

/** The outlet's photos, each with 删除 (kept until saved), and 添加照片 once the outlet has been saved. */
function Photos({ editor }: { editor: OutletEditorHandle }) {
  const { form, saved, photoState } = editor;
  return (
    <View className='staff-form outlet-edit-photos'>
      <Text className='staff-desk__label'>照片（最多 {OUTLET_PHOTOS_MAX} 张）</Text>
      {form.photoUrls.map((url, index) => (
        <View key={url} className='outlet-edit-photos__item'>
          <Image className='outlet-edit-photos__image' src={outletPhotoSrc(url)} mode='aspectFill' ariaLabel={`第 ${index + 1} 张照片`} />
          <Button className='outlet-edit-photos__remove' size='large' onClick={() => editor.removePhoto(url)}>
            删除这张
          </Button>
        </View>
      ))}
      {saved ? (
        form.photoUrls.length < OUTLET_PHOTOS_MAX && (
          <Button className='outlet-edit-photos__add' size='large' block loading={photoState.status === 'pending'} onClick={editor.addPhoto}>
            添加照片
          </Button>
        )
      ) : (
        <Text className='staff-form__line outlet-edit-photos__later'>保存后可添加照片。</Text>
      )}
      {saved && form.photoUrls.length < saved.photoUrls.length && <Text className='staff-form__line outlet-edit-photos__pending'>删除的照片在保存后生效。</Text>}
      {photoState.status === 'failed' && <Text className='staff-desk__message outlet-edit-photos__problem'>{photoState.message}</Text>}
      <FieldError message={editor.errors.photoUrls} className='outlet-edit-photos__error' />
    </View>
  );
}

function EditorForm({ outlet, communities }: { outlet: OutletView | null; communities: OutletCommunity[] }) {
  const editor = useOutletEditor(outlet, communities);
  const { form, errors, saved } = editor;
  const communityChips = communities.map((community) => ({ value: community.id, label: community.name }));
  // An outlet kept on a street (not a community) keeps its place among the choices.
  if (saved && !communities.some((community) => community.id === saved.regionId)) communityChips.push({ value: saved.regionId, label: saved.regionName });
  return (
    <View className='outlet-edit'>
      <Text className='staff-desk__title'>{saved ? `修改：${saved.name}` : '新增网点'}</Text>
      <Text className='staff-desk__line outlet-edit__verified'>{saved?.verifiedOn ? `上次核实：${saved.verifiedOn}。` : '尚未核实。'}保存即记为今天由您核实。</Text>
      <View className='staff-form'>
        <TextField label='名称' value={form.name} onChange={(name) => editor.change({ name })} error={errors.name} inputClassName='outlet-edit-name' maxlength={80} />
        <Text className='staff-desk__label'>类型</Text>
        <Chips<OutletKind | ''> className='outlet-edit-kind' chips={KIND_CHIPS} value={form.kind ?? ''} onChange={(kind) => kind && editor.change({ kind })} />
        <FieldError message={errors.kind} className='outlet-edit-kind__error' />
        <Text className='staff-desk__label'>所在社区</Text>
        <Chips className='outlet-edit-community' chips={communityChips} value={form.regionId} onChange={(regionId) => editor.change({ regionId })} />
        <FieldError message={errors.regionId} className='outlet-edit-community__error' />
        <TextField
          label='地址'
          value={form.address}
          onChange={(address) => editor.change({ address })}
          error={errors.address}
          inputClassName='outlet-edit-address'
          maxlength={200}
        />
        <TextField label='电话' value={form.phone} onChange={(phone) => editor.change({ phone })} error={errors.phone} inputClassName='outlet-edit-phone' maxlength={32} />
      </View>
      <Position editor={editor} />
      <View className='staff-form outlet-edit-week'>
        <Text className='staff-desk__label'>每周营业时间</Text>
        <Text className='staff-form__line'>结束早于开始即为跨夜（如 22:00 到 02:00）。</Text>
        <FieldError message={errors.hours} className='outlet-edit-week__error' />
        {form.days.map((day) => (
          <DayHours key={day.weekday} day={day} errors={errors} onChange={editor.setDay} />
        ))}
      </View>
      <DatedHours editor={editor} />
      <View className='staff-form'>
        <TextField
          label='服务（用“、”分开，如：豆浆、油条）'
          value={form.services}
          onChange={(services) => editor.change({ services })}
          error={errors.services}
          inputClassName='outlet-edit-services'
          maxlength={400}
        />
        <Text className='staff-desk__label'>适老服务</Text>
        <ElderFeatures editor={editor} />
      </View>
      <Photos editor={editor} />
      <SaveMessage state={editor.saving} doneText={`已保存，记为 ${saved?.verifiedOn ?? '今天'} 核实`} />
      <SubmitButton className='outlet-edit__save' pending={editor.saving.status === 'pending'} onClick={editor.save}>
        保存
      </SubmitButton>
    </View>
  );
}

/** Add (`outlet` null) or change one outlet of the region, all its details on one screen; 返回 goes back to the list. */
export function OutletEditor({ outlet, onClose }: { outlet: OutletView | null; onClose: () => void }) {
  const communities = useRemoteData(fetchOutletCommunities);
  return (
    <>
      <Button className='outlet-edit__back' size='large' block onClick={onClose}>
        返回网点列表
      </Button>
      <RemoteContent state={communities.state} onRetry={communities.retry} emptyText=''>
        {(items) => <EditorForm outlet={outlet} communities={items} />}
      </RemoteContent>
    </>
  );
}
