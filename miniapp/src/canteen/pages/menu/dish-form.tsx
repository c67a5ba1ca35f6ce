import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { DISH_KIND_LABELS, DISH_KINDS, DISH_TAG_LABELS, DISH_TAGS } from '@linli/shared';

import type { DishKind } from '@linli/shared';

import type { ActionState } from '../../../hooks/useActions';

import { ChoiceGrid } from '../../../components/choice-grid';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { dishPhotoSrc } from '../../../services/dish-photos';

import type { DishForm } from '../../hooks/useMenuEditor';

const KIND_BY_LABEL = Object.fromEntries(DISH_KINDS.map((kind) => [DISH_KIND_LABELS[kind], kind])) as Record<string, DishKind>;

/** The dish's photo as residents will see it, 上传照片 / 换一张照片 (camera or album), 不用照片. */
function DishPhoto({ form, upload, onUpload, onRemove }: { form: DishForm; upload: ActionState; onUpload: () => void; onRemove: () => void }) {
  return (
    <View className='canteen-dish-photo'>
      <Text className='canteen__label'>菜品照片（可不传）</Text>
      {form.photoUrl && <Image className='canteen-dish-photo__image' src={dishPhotoSrc(form.photoUrl)} mode='aspectFill' ariaLabel={form.name || '菜品照片'} />}
      <SubmitButton className='canteen-dish-photo__upload' pending={upload.status === 'pending'} onClick={onUpload}>
        {form.photoUrl ? '换一张照片' : '上传照片'}
      </SubmitButton>
      {form.photoUrl && (
        <Button className='canteen-dish-photo__remove' size='large' block onClick={onRemove}>
          不用照片
        </Button>
      )}
      {upload.status === 'failed' && <Text className='canteen__message canteen-dish-photo__problem'>{upload.message}</Text>}
    </View>
  );
}

/** One dish being added or changed: name, 套餐/单品, price in yuan, tags, allergens, an optional daily quantity, a photo. */
export function DishFormPanel({
  form,
  problem,
  upload,
  onChange,
  onUploadPhoto,
  onRemovePhoto,
  onSave,
  onCancel,
}: {
  form: DishForm;
  problem: string | null;
  /** The photo upload's state. */
  upload: ActionState;
  onChange: (form: DishForm) => void;
  onUploadPhoto: () => void;
  onRemovePhoto: () => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const toggleTag = (tag: (typeof DISH_TAGS)[number]) => onChange({ ...form, tags: form.tags.includes(tag) ? form.tags.filter((value) => value !== tag) : [...form.tags, tag] });
  return (
    <View className='canteen__block canteen-dish-form'>
      <TextField label='菜名' value={form.name} onChange={(name) => onChange({ ...form, name })} inputClassName='canteen-dish-name' maxlength={40} />
      <ChoiceGrid
        label='类型'
        options={DISH_KINDS.map((kind) => DISH_KIND_LABELS[kind])}
        value={DISH_KIND_LABELS[form.kind]}
        onChange={(label) => onChange({ ...form, kind: KIND_BY_LABEL[label] })}
      />
      <TextField
        label='价格（元）'
        type='text'
        value={form.priceYuan}
        onChange={(priceYuan) => onChange({ ...form, priceYuan })}
        inputClassName='canteen-dish-price'
        maxlength={9}
      />
      <Text className='canteen__label'>口味标签</Text>
      <View className='canteen-tags'>
        {DISH_TAGS.map((tag) => (
          <View key={tag} className={`canteen-chip canteen-dish-tag${form.tags.includes(tag) ? ' canteen-chip--selected' : ''}`} ariaRole='checkbox' onClick={() => toggleTag(tag)}>
            <Text>{DISH_TAG_LABELS[tag]}</Text>
          </View>
        ))}
      </View>
      <TextField
        label='过敏原（用顿号隔开）'
        value={form.allergens}
        onChange={(allergens) => onChange({ ...form, allergens })}
        inputClassName='canteen-dish-allergens'
        maxlength={80}
      />
      <TextField
        label='每日份数'
        hint='不限量请留空'
        type='number'
        value={form.dailyQuantity}
        onChange={(dailyQuantity) => onChange({ ...form, dailyQuantity })}
        inputClassName='canteen-dish-quantity'
        maxlength={4}
      />
      <DishPhoto form={form} upload={upload} onUpload={onUploadPhoto} onRemove={onRemovePhoto} />
      {problem && <Text className='canteen__message'>{problem}</Text>}
      <View className='canteen__actions'>
        <Button className='canteen-dish-save' type='primary' size='large' block onClick={onSave}>
          {form.index === null ? '加入这一餐' : '改好了'}
        </Button>
        <Button size='large' block onClick={onCancel}>
          不改了
        </Button>
      </View>
    </View>
  );
}
