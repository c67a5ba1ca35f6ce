import { Text, View } from '@tarojs/components';

import { OTHER_REASON } from '../../forms/reason';
import { TextField } from '../text-field';

import type { ReasonValue } from '../../forms/reason';

import './index.scss';

export interface ReasonPickerProps {
  label: string;
  /** Common reasons as big buttons; OTHER_REASON asks for words. Empty: only the text field. */
  options: readonly string[];
  value: ReasonValue;
  onChange: (value: ReasonValue) => void;
  /** BEM class on the text input, for tests to type into. */
  inputClassName: string;
}

/** Why something is done: one tap on a common reason, typing only for 其他 (or to add detail). */
export function ReasonPicker({ label, options, value, onChange, inputClassName }: ReasonPickerProps) {
  const typing = options.length === 0 || value.choice !== null;
  return (
    <View className='reason-picker'>
      <Text className='reason-picker__label'>{label}</Text>
      {options.length > 0 && (
        <View className='reason-picker__options'>
          {options.map((option) => (
            <View
              key={option}
              className={`reason-picker__option${option === value.choice ? ' reason-picker__option--selected' : ''}`}
              ariaRole='radio'
              ariaLabel={option === value.choice ? `${option}，已选择` : option}
              onClick={() => onChange({ ...value, choice: option })}
            >
              <Text>{option}</Text>
            </View>
          ))}
        </View>
      )}
      {typing && (
        <TextField
          label={options.length === 0 || value.choice === OTHER_REASON ? '请写明原因' : '补充说明（可不填）'}
          value={value.detail}
          onChange={(detail) => onChange({ ...value, detail })}
          inputClassName={inputClassName}
          maxlength={200}
        />
      )}
    </View>
  );
}
