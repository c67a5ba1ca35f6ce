import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useMemo } from 'react';

import type { IsoWeekday } from '@linli/shared';

import { isEmptyList, RemoteContent } from '../../components/remote-content';
import { SubmitButton } from '../../components/submit-button';
import { TextField } from '../../components/text-field';
import { useCatalogue } from '../../hooks/useCatalogue';
import { useCommunities } from '../../hooks/useCommunities';
import { MAX_OPEN_ORDERS, WEEKDAY_LABELS } from '../../hooks/useProviderAdmin';

import type { ProviderAdminHandle, ProfileDraft } from '../../hooks/useProviderAdmin';

export interface ToggleOption {
  id: string;
  label: string;
}

/** Several big on/off buttons (checkboxes a thumb can hit). */
export function ToggleChips({
  className,
  options,
  selected,
  onToggle,
}: {
  className: string;
  options: readonly ToggleOption[];
  selected: readonly string[];
  onToggle: (id: string) => void;
}) {
  return (
    <View className='provider-admin__choices'>
      {options.map((option) => {
        const on = selected.includes(option.id);
        return (
          <View
            key={option.id}
            className={`provider-chip ${className}${on ? ` provider-chip--selected ${className}--selected` : ''}`}
            data-id={option.id}
            ariaRole='checkbox'
            ariaLabel={on ? `${option.label}，已选` : option.label}
            onClick={() => onToggle(option.id)}
          >
            <Text>{on ? `✓ ${option.label}` : option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** One worker's 接单设置: services they can do (home services), communities they cover, weekdays and hours, how many at once. */
export function DispatchProfileEditor({ admin, draft }: { admin: ProviderAdminHandle; draft: ProfileDraft }) {
  const catalogue = useCatalogue();
  const communities = useCommunities();
  const homeServices = useMemo(
    () => (catalogue.state.status === 'ready' ? catalogue.state.data.flatMap((category) => category.services).filter((service) => service.mode === 'home') : []),
    [catalogue.state],
  );
  return (
    <View className='provider-profile'>
      <Text className='provider-admin__label'>会做的服务</Text>
      <RemoteContent state={catalogue.state} onRetry={catalogue.retry} emptyText='没有上门服务项目'>
        {() => (
          <ToggleChips
            className='provider-skill'
            options={homeServices.map((service) => ({ id: service.id, label: service.name }))}
            selected={draft.skillIds}
            onToggle={admin.toggleSkill}
          />
        )}
      </RemoteContent>
      <Text className='provider-admin__label'>负责的社区</Text>
      <RemoteContent state={communities.state} onRetry={communities.retry} isEmpty={isEmptyList} emptyText='没有可选的社区'>
        {(items) => (
          <ToggleChips
            className='provider-area'
            options={items.map((community) => ({ id: community.id, label: community.name }))}
            selected={draft.areaIds}
            onToggle={admin.toggleArea}
          />
        )}
      </RemoteContent>
      <Text className='provider-admin__label'>工作日</Text>
      <ToggleChips
        className='provider-weekday'
        options={WEEKDAYS.map((weekday) => ({ id: String(weekday), label: WEEKDAY_LABELS[weekday] }))}
        selected={draft.weekdays.map(String)}
        onToggle={(id) => admin.toggleWeekday(Number(id) as IsoWeekday)}
      />
      <TextField
        label='上班时间'
        value={draft.start}
        onChange={(start) => admin.setHours(start, draft.end)}
        inputClassName='provider-profile__start'
        maxlength={5}
        placeholder='08:00'
      />
      <TextField label='下班时间' value={draft.end} onChange={(end) => admin.setHours(draft.start, end)} inputClassName='provider-profile__end' maxlength={5} placeholder='18:00' />
      <Text className='provider-admin__label'>同时最多接几单</Text>
      <View className='provider-admin__choices'>
        <Button className='provider-profile__minus' size='large' disabled={draft.maxOpenOrders <= MAX_OPEN_ORDERS.min} onClick={() => admin.changeCap(-1)}>
          −
        </Button>
        <Text className='provider-admin__code provider-profile__cap'>{draft.maxOpenOrders}</Text>
        <Button className='provider-profile__plus' size='large' disabled={draft.maxOpenOrders >= MAX_OPEN_ORDERS.max} onClick={() => admin.changeCap(1)}>
          +
        </Button>
      </View>
      {admin.saving.status === 'failed' && <Text className='provider-admin__message'>{admin.saving.message}</Text>}
      <SubmitButton className='provider-profile__save' pending={admin.saving.status === 'pending'} onClick={admin.saveProfile}>
        保存接单设置
      </SubmitButton>
      <Button className='provider-profile__close' size='large' block onClick={() => admin.editProfile(null)}>
        不改了
      </Button>
    </View>
  );
}
