import { Input, Text, View } from '@tarojs/components';

import './index.scss';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the input in red: a client-side check or the server's VALIDATION_FAILED message for this field. */
  error?: string;
  hint?: string;
  placeholder?: string;
  /** Extra class on the input itself, for tests and browser tests to find it. */
  inputClassName?: string;
  type?: 'text' | 'number' | 'idcard';
  password?: boolean;
  maxlength?: number;
}

/** A labelled, large input with its help text and error right below it (never in a pop-up). */
export function TextField({ label, value, onChange, error, hint, placeholder, inputClassName, type = 'text', password = false, maxlength = 140 }: TextFieldProps) {
  return (
    <View className={`text-field${error ? ' text-field--invalid' : ''}`}>
      <Text className='text-field__label'>{label}</Text>
      <Input
        className={`text-field__input${inputClassName ? ` ${inputClassName}` : ''}`}
        value={value}
        type={type}
        password={password}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='text-field__placeholder'
        // The label is a Text beside the input, which a screen reader does not tie to it: name the input itself
        // (aria-label on weapp; on H5 Taro passes nativeProps to the inner <input>).
        ariaLabel={label}
        nativeProps={{ 'aria-label': label }}
        onInput={(event) => onChange(event.detail.value)}
      />
      {hint && !error && <Text className='text-field__hint'>{hint}</Text>}
      {error && <Text className='text-field__error'>{error}</Text>}
    </View>
  );
}
