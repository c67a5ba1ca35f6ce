import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { DISH_KIND_LABELS, DISH_KINDS, DISH_TAG_LABELS, DISH_TAGS } from '@linli/shared';

import type { DishKind } from '@linli/shared';

import { ChoiceGrid } from '../../../components/choice-grid';
import { TextField } from '../../../components/text-field';

import type { DishForm } from '../../hooks/useMenuEditor';

const KIND_BY_LABEL = Object.fromEntries(DISH_KINDS.map((kind) => [DISH_KIND_LABELS[kind], kind])) as Record<string, DishKind>;

/** One dish being added or changed: name, 套餐/单品, price in yuan, tags, allergens, an optional daily quantity. */
export function DishFormPanel({
  form,
  problem,
  onChange,
  onSave,
  onCancel,
}: {
  form: DishForm;
  problem: string | null;
  onChange: (form: DishForm) => void;
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
