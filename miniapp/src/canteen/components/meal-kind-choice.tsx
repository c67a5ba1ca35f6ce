import { Text, View } from '@tarojs/components';
import { MEAL_KIND_LABELS } from '@linli/shared';

import type { MealKind, MealPointView } from '@linli/shared';

/** The meals a point serves, as big one-tap choices (早餐 / 午餐 / 晚餐). */
export function MealKindChoice({ point, value, onChange }: { point: MealPointView; value: MealKind; onChange: (mealKind: MealKind) => void }) {
  return (
    <View className='canteen__choices'>
      {point.windows.map((window) => (
        <View
          key={window.mealKind}
          className={`canteen-chip canteen-meal-kind${window.mealKind === value ? ' canteen-chip--selected' : ''}`}
          data-value={window.mealKind}
          ariaRole='radio'
          ariaLabel={window.mealKind === value ? `${MEAL_KIND_LABELS[window.mealKind]}，已选择` : MEAL_KIND_LABELS[window.mealKind]}
          onClick={() => onChange(window.mealKind)}
        >
          <Text>
            {MEAL_KIND_LABELS[window.mealKind]}（{window.cutOffDaysBefore ? '前一天' : ''}
            {window.cutOffTime} 截止）
          </Text>
        </View>
      ))}
    </View>
  );
}
