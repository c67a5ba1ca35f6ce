import { Text, View } from '@tarojs/components';

export interface Chip<T extends string> {
  value: T;
  label: string;
}

export interface ChipsProps<T extends string> {
  /** BEM block of each chip (`<block>` and `<block>--selected`); tests find chips by it. */
  className: string;
  chips: readonly Chip<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** Big one-tap choices side by side (a filter, a kind): all visible, the chosen one filled. */
export function Chips<T extends string>({ className, chips, value, onChange }: ChipsProps<T>) {
  return (
    <View className='staff-desk__choices'>
      {chips.map((chip) => (
        <View
          key={chip.value}
          className={`staff-chip ${className}${chip.value === value ? ` staff-chip--selected ${className}--selected` : ''}`}
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
