import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { HOUSEHOLD_RELATIONS } from '@linli/shared';

import { ChoiceGrid } from '../../components/choice-grid';
import { CommunityPicker } from '../../components/community-picker';
import { TextField } from '../../components/text-field';
import { usePersonForm } from '../../hooks/usePersonForm';

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

/** One form for "my details" and for a household member: the member form adds relation and phone. */
export function PersonForm({ kind, title, initial, idNumberOnFile, phoneOnFile, onSave, onCancel }: PersonFormProps) {
  const form = usePersonForm(initial, kind);
  const { values, errors, setField } = form;

  return (
    <View className={`person-form person-form--${kind}`}>
      <Text className='person-form__title'>{title}</Text>
      {kind === 'member' && (
        <ChoiceGrid
          label='与您的关系'
          options={HOUSEHOLD_RELATIONS}
          value={values.relation}
          onChange={(relation) => setField('relation', relation)}
          error={errors.relation}
        />
      )}
      <TextField
        label='姓名'
        value={values.name}
        onChange={(name) => setField('name', name)}
        error={errors.name}
        inputClassName='person-form__name'
        maxlength={32}
      />
      <TextField
        label='身份证号（可不填）'
        value={values.idNumber}
        onChange={(idNumber) => setField('idNumber', idNumber)}
        error={errors.idNumber}
        hint={idNumberOnFile ? `已登记 ${idNumberOnFile}，不修改请留空` : '办理补贴、政务代办时需要，加密保存'}
        inputClassName='person-form__id-number'
        type='idcard'
        maxlength={18}
      />
      {kind === 'member' && (
        <TextField
          label='手机号（可不填）'
          value={values.phone}
          onChange={(phone) => setField('phone', phone)}
          error={errors.phone}
          hint={phoneOnFile ? `已登记 ${phoneOnFile}，不修改请留空` : '家人自己的手机号，方便服务人员联系'}
          inputClassName='person-form__phone'
          type='number'
          maxlength={11}
        />
      )}
      <TextField
        label='住址（可不填）'
        value={values.address}
        onChange={(address) => setField('address', address)}
        error={errors.address}
        placeholder='例如：东湖路 88 号 3 栋 2 单元 501'
        inputClassName='person-form__address'
        maxlength={200}
      />
      <CommunityPicker
        value={values.community}
        onChange={(community) => setField('community', community)}
        error={errors.communityId}
      />
      {form.formError && <Text className='person-form__error'>{form.formError}</Text>}
      <Button
        className='person-form__save'
        type='primary'
        size='large'
        block
        loading={form.saving}
        disabled={form.saving}
        onClick={() => void form.submit(onSave)}
      >
        保存
      </Button>
      <Button className='person-form__cancel' size='large' block onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
