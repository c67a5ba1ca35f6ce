import { Text, View } from '@tarojs/components';

import './index.scss';

export interface ChoiceGridProps<T extends string> {
  label: string;
  options: readonly T[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string;
}

/** All choices visible at once as big buttons: one tap, no wheel picker to scroll. */
export function ChoiceGrid<T extends string>({ label, options, value, onChange, error }: ChoiceGridProps<T>) {
  return (
    <View className='choice-grid'>
      <Text className='choice-grid__label'>{label}</Text>
      <View className='choice-grid__options'>
        {options.map((option) => (
          <View
            key={option}
            className={`choice-grid__option${option === value ? ' choice-grid__option--selected' : ''}`}
            ariaRole='radio'
            ariaLabel={option === value ? `${option}，已选择` : option}
            onClick={() => onChange(option)}
          >
            <Text>{option}</Text>
          </View>
        ))}
      </View>
      {error && <Text className='choice-grid__error'>{error}</Text>}
    </View>
  );
}
