import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { HOUSEHOLD_RELATIONS } from '@linli/shared';

import { ChoiceGrid } from '../../components/choice-grid';
import { CommunityPicker } from '../../components/community-picker';
import { SubmitButton } from '../../components/submit-button';
import { TextField } from '../../components/text-field';
import { usePersonForm } from '../../hooks/usePersonForm';

import type { TextFieldProps } from '../../components/text-field';
import type { PersonFormKind, PersonFormValues } from '../../hooks/usePersonForm';

export interface PersonFormProps {
  kind: PersonFormKind;
  title: string;
  initial: PersonFormValues;
  /** An ID number / phone is already on file (shown masked): an empty field keeps it. */
  idNumberOnFile?: string | null;
  phoneOnFile?: string | null;
  onSave: (values: PersonFormValues) => Promise<unknown>;
  onCancel: () => void;
}

interface PersonTextField extends Pick<TextFieldProps, 'label' | 'hint' | 'placeholder' | 'type' | 'maxlength'> {
  key: 'name' | 'idNumber' | 'phone' | 'address';
  /** For tests and browser tests to find the input. */
  inputClassName: string;
  /** Household members only (a resident's own phone comes from WeChat). */
  memberOnly?: boolean;
}

/** The typed-in fields, in screen order; `hint` is what shows while nothing is on file for the field. */
const TEXT_FIELDS: readonly PersonTextField[] = [
  { key: 'name', label: '姓名', inputClassName: 'person-form__name', maxlength: 32 },
  {
    key: 'idNumber',
    label: '身份证号（可不填）',
    hint: '办理补贴、政务代办时需要，加密保存',
    inputClassName: 'person-form__id-number',
    type: 'idcard',
    maxlength: 18,
  },
  {
    key: 'phone',
    label: '手机号（可不填）',
    hint: '家人自己的手机号，方便服务人员联系',
    inputClassName: 'person-form__phone',
    type: 'number',
    maxlength: 11,
    memberOnly: true,
  },
  {
    key: 'address',
    label: '住址（可不填）',
    placeholder: '例如：东湖路 88 号 3 栋 2 单元 501',
    inputClassName: 'person-form__address',
    maxlength: 200,
  },
];

/** One form for "my details" and for a household member: the member form adds relation and phone. */
export function PersonForm({ kind, title, initial, idNumberOnFile, phoneOnFile, onSave, onCancel }: PersonFormProps) {
  const form = usePersonForm(initial, kind);
  const { values, errors, setField } = form;
  const onFile: Partial<Record<PersonTextField['key'], string | null>> = { idNumber: idNumberOnFile, phone: phoneOnFile };

  return (
    <View className={`person-form person-form--${kind}`}>
      <Text className='person-form__title'>{title}</Text>
      {kind === 'member' && (
        <ChoiceGrid label='与您的关系' options={HOUSEHOLD_RELATIONS} value={values.relation} onChange={(relation) => setField('relation', relation)} error={errors.relation} />
      )}
      {TEXT_FIELDS.filter((field) => kind === 'member' || !field.memberOnly).map((field) => (
        <TextField
          key={field.key}
          label={field.label}
          value={values[field.key]}
          onChange={(value) => setField(field.key, value)}
          error={errors[field.key]}
          hint={onFile[field.key] ? `已登记 ${onFile[field.key]}，不修改请留空` : field.hint}
          placeholder={field.placeholder}
          inputClassName={field.inputClassName}
          type={field.type}
          maxlength={field.maxlength}
        />
      ))}
      <CommunityPicker value={values.community} onChange={(community) => setField('community', community)} error={errors.communityId} />
      {form.formError && <Text className='person-form__error'>{form.formError}</Text>}
      <SubmitButton className='person-form__save' pending={form.saving} onClick={() => void form.submit(onSave)}>
        保存
      </SubmitButton>
      <Button className='person-form__cancel' size='large' block onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
