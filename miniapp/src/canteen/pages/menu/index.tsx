import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { DISH_KIND_LABELS, DISH_TAG_LABELS, formatYuan, MEAL_KIND_LABELS } from '@linli/shared';

import type { DishInput, MealPointView, MenuMealView, MenuView } from '@linli/shared';

import { ConfirmDialog } from '../../../components/confirm-dialog';
import { RemoteContent } from '../../../components/remote-content';
import { SubmitButton } from '../../../components/submit-button';
import { TextField } from '../../../components/text-field';
import { dayLabel, mealLabel } from '../../../texts/canteen-messages';
import { MealPointPage } from '../../components/canteen-gate';
import { useMenuEditor } from '../../hooks/useMenuEditor';
import { DishFormPanel } from './dish-form';

import type { MenuEditorHandle } from '../../hooks/useMenuEditor';

function dishLine(dish: DishInput): string {
  const parts = [`${DISH_KIND_LABELS[dish.kind]} ¥${formatYuan(dish.priceFen)}`, ...dish.tags.map((tag) => DISH_TAG_LABELS[tag])];
  if (dish.allergens.length > 0) parts.push(`含${dish.allergens.join('、')}`);
  if (dish.dailyQuantity !== null) parts.push(`每日 ${dish.dailyQuantity} 份`);
  if (dish.photoUrl) parts.push('有照片');
  return parts.join(' · ');
}

/** The meal open for editing: its dishes, the dish form, 保存这一餐. */
function MealEditor({ editor, meal }: { editor: MenuEditorHandle; meal: MenuMealView }) {
  const dishes = editor.dishesOf(meal);
  const saving = editor.actions.of('meal');
  return (
    <View className='canteen__block canteen-meal-editor'>
      <Text className='canteen__label'>编辑 {mealLabel(meal.mealDate, meal.mealKind)}</Text>
      {dishes.map((dish, index) => (
        <View key={`${dish.name}-${index}`} className='canteen-dish'>
          <Text className='canteen-dish__title'>{dish.name}</Text>
          <Text className='canteen-dish__line'>{dishLine(dish)}</Text>
          <View className='canteen__choices'>
            <View className='canteen-chip canteen-dish__edit' onClick={() => editor.editDish(index)}>
              <Text>修改</Text>
            </View>
            <View className='canteen-chip canteen-dish__remove' onClick={() => editor.removeDish(index)}>
              <Text>删除</Text>
            </View>
          </View>
        </View>
      ))}
      {editor.form ? (
        <DishFormPanel
          form={editor.form}
          problem={editor.formProblem}
          upload={editor.actions.of('photo')}
          onChange={editor.setForm}
          onUploadPhoto={editor.uploadPhoto}
          onRemovePhoto={editor.removePhoto}
          onSave={editor.saveDish}
          onCancel={() => editor.setForm(null)}
        />
      ) : (
        <View className='canteen__actions'>
          <Button className='canteen-dish-add' size='large' block onClick={editor.newDish}>
            添加菜品
          </Button>
          <SubmitButton className='canteen-meal-save' pending={saving.status === 'pending'} onClick={editor.saveMeal}>
            保存这一餐
          </SubmitButton>
          <Button size='large' block onClick={() => editor.openMeal(null)}>
            收起
          </Button>
        </View>
      )}
      {saving.status === 'failed' && <Text className='canteen__message'>{saving.message}</Text>}
    </View>
  );
}

function MealCard({ editor, meal }: { editor: MenuEditorHandle; meal: MenuMealView }) {
  const dishes = editor.dishesOf(meal);
  const classes = ['canteen-meal', meal.closedReason !== null && 'canteen-meal--closed', editor.edited(meal) && 'canteen-meal--edited'].filter(Boolean).join(' ');
  return (
    <View className={classes} data-meal={`${meal.mealDate}|${meal.mealKind}`} onClick={() => meal.closedReason === null && editor.openMeal(meal)}>
      <Text className='canteen-meal__title'>
        {MEAL_KIND_LABELS[meal.mealKind]}
        {editor.edited(meal) ? '（未保存）' : ''}
      </Text>
      {meal.closedReason !== null ? (
        <Text className='canteen-meal__line'>已停餐：{meal.closedReason}</Text>
      ) : (
        <Text className='canteen-meal__line'>{dishes.length > 0 ? dishes.map((dish) => dish.name).join('、') : '还没有菜品，点这里添加'}</Text>
      )}
    </View>
  );
}

function CloseDay({ editor, date }: { editor: MenuEditorHandle; date: string }) {
  const { closing } = editor;
  const state = editor.actions.of('close');
  if (closing?.date !== date) {
    return (
      <View className='canteen-chip canteen-day__close' onClick={() => editor.startClosing(date)}>
        <Text>这一天停餐</Text>
      </View>
    );
  }
  return (
    <View className='canteen__block canteen-closing'>
      <TextField label='停餐原因（居民会看到）' value={closing.reason} onChange={editor.setClosingReason} inputClassName='canteen-close-reason' maxlength={100} />
      <View className='canteen__actions'>
        <SubmitButton className='canteen-close-submit' type='danger' pending={state.status === 'pending'} onClick={editor.askToClose}>
          停餐
        </SubmitButton>
        <Button size='large' block onClick={() => editor.startClosing(null)}>
          不停餐
        </Button>
      </View>
      {state.status === 'failed' && <Text className='canteen__message'>{state.message}</Text>}
      {closing.confirming && (
        <ConfirmDialog
          className='canteen-close-confirm'
          title={`${dayLabel(date)} 停餐？`}
          lines={['这一天已下的订单会全部取消。', '用助餐余额支付的，钱会退回余额。', `居民会收到通知：${closing.reason.trim()}`]}
          confirmText='确认停餐'
          cancelText='再想想'
          onConfirm={editor.confirmClosing}
          onCancel={editor.keepOpen}
        />
      )}
    </View>
  );
}

function Week({ editor, menu }: { editor: MenuEditorHandle; menu: MenuView }) {
  const dates = [...new Set(menu.meals.map((meal) => meal.mealDate))];
  return (
    <>
      {dates.map((date) => (
        <View key={date} className='canteen__block canteen-day' data-date={date}>
          <Text className='canteen-day__title'>{dayLabel(date)}</Text>
          {menu.meals
            .filter((meal) => meal.mealDate === date)
            .map((meal) =>
              editor.open?.mealDate === meal.mealDate && editor.open.mealKind === meal.mealKind ? (
                <MealEditor key={meal.mealKind} editor={editor} meal={meal} />
              ) : (
                <MealCard key={meal.mealKind} editor={editor} meal={meal} />
              ),
            )}
          <CloseDay editor={editor} date={date} />
        </View>
      ))}
    </>
  );
}

function MenuDesk({ point }: { point: MealPointView }) {
  const editor = useMenuEditor(point);
  const publishing = editor.actions.of('publish');
  const copying = editor.actions.of('copy');
  return (
    <>
      <Text className='canteen__title'>{point.name} · 菜单</Text>
      <Text className='canteen__line'>点一餐修改菜品；改好后保存这一餐，或整周一起发布。已有订单的餐不会被改动。</Text>
      <View className='canteen__choices'>
        <View className='canteen-chip canteen-week--previous' onClick={() => editor.moveWeek(-1)}>
          <Text>‹ 上一周</Text>
        </View>
        <View className='canteen-chip canteen-week--next' onClick={() => editor.moveWeek(1)}>
          <Text>下一周 ›</Text>
        </View>
      </View>
      <View className='canteen__actions'>
        <SubmitButton className='canteen-publish' pending={publishing.status === 'pending'} onClick={editor.publishWeek}>
          发布本周菜单
        </SubmitButton>
        <SubmitButton className='canteen-copy' type='default' pending={copying.status === 'pending'} onClick={editor.copyWeek}>
          复制上周菜单
        </SubmitButton>
      </View>
      {[publishing, copying].map(
        (state, index) =>
          state.status === 'failed' && (
            <Text key={index} className='canteen__message'>
              {state.message}
            </Text>
          ),
      )}
      {editor.done && <Text className='canteen__message canteen__message--done canteen-menu-done'>{editor.done}</Text>}
      <RemoteContent state={editor.menu.state} onRetry={editor.menu.retry} isEmpty={(menu) => menu.meals.length === 0} emptyText='这一周没有供餐'>
        {(menu) => <Week editor={editor} menu={menu} />}
      </RemoteContent>
    </>
  );
}

/** `/canteen/pages/menu/index?id=`: a meal point's week of menus: edit, publish, copy last week, close a day. */
export function CanteenMenuPage() {
  return <MealPointPage title='菜单'>{(point) => <MenuDesk point={point} />}</MealPointPage>;
}

export default CanteenMenuPage;
