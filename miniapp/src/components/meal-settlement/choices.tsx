import { Text, View } from '@tarojs/components';
import { Fragment } from 'react';

import type { ReactNode } from 'react';
import type { MealPointView } from '@linli/shared';

import { ALL_POINTS, useSettlementChoice } from '../../hooks/useMealSettlement';

import type { SettlementCanteen, SettlementChoice } from '../../hooks/useMealSettlement';

/** One canteen's month as chosen: the canteen, one of its points or null for all, and the month (`YYYY-MM`). */
export interface ChosenSettlement {
  canteen: SettlementCanteen;
  point: SettlementChoice['point'];
  month: string;
}

interface Chip {
  value: string;
  label: string;
}

/**
 * Big one-tap choices side by side, the chosen one filled. The staff desk has its own chips, but this component lives
 * in the main package for both desks, and the main package may not import a subpackage's code.
 */
function SettlementChips({ block, chips, value, onChange }: { block: string; chips: readonly Chip[]; value: string; onChange: (value: string) => void }) {
  return (
    <View className='settlement__choices'>
      {chips.map((chip) => (
        <View
          key={chip.value}
          className={`settlement-chip ${block}${chip.value === value ? ` settlement-chip--selected ${block}--selected` : ''}`}
          data-value={chip.value}
          ariaRole='radio'
          ariaLabel={chip.value === value ? `${chip.label}，已选择` : chip.label}
          onClick={() => onChange(chip.value)}
        >
          <Text>{chip.label}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * Which canteen (when the caller sees more than one), which of its points (when it has more than one) and which month;
 * `children` renders that month, afresh for each canteen and month. Hidden when printing.
 */
export function SettlementChooser({ points, children }: { points: readonly MealPointView[]; children: (chosen: ChosenSettlement) => ReactNode }) {
  const choice = useSettlementChoice(points);
  return (
    <>
      <View className='settlement-print-hide'>
        {choice.canteens.length > 1 && (
          <>
            <Text className='settlement__label'>助餐机构</Text>
            <SettlementChips
              block='settlement-canteen'
              chips={choice.canteens.map((canteen) => ({ value: canteen.id, label: canteen.name }))}
              value={choice.canteen?.id ?? ''}
              onChange={choice.chooseCanteen}
            />
          </>
        )}
        {choice.canteen && choice.canteen.points.length > 1 && (
          <>
            <Text className='settlement__label'>助餐点</Text>
            <SettlementChips
              block='settlement-point'
              chips={[{ value: ALL_POINTS, label: '全部助餐点' }, ...choice.canteen.points.map((point) => ({ value: point.id, label: point.name }))]}
              value={choice.point?.id ?? ALL_POINTS}
              onChange={choice.choosePoint}
            />
          </>
        )}
        <Text className='settlement__label'>月份</Text>
        <SettlementChips block='settlement-month' chips={choice.months.map((month) => ({ value: month, label: month }))} value={choice.month} onChange={choice.chooseMonth} />
      </View>
      {choice.canteen && <Fragment key={`${choice.canteen.id}|${choice.month}`}>{children({ canteen: choice.canteen, point: choice.point, month: choice.month })}</Fragment>}
    </>
  );
}
