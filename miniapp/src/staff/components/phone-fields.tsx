import { ChoiceGrid } from '../../components/choice-grid';
import { TextField } from '../../components/text-field';
import { PHONE_OWNER_LABELS, PHONE_OWNERS, phoneOwnerLabelOf, type PhoneOwner } from '../forms/resident-phone';

export interface PhoneFieldsProps {
  label: string;
  phone: string;
  phoneOwner: PhoneOwner | null;
  errors: { phone?: string; phoneOwner?: string };
  onPhone: (phone: string) => void;
  onOwner: (owner: PhoneOwner) => void;
  /** The input's class, by which tests and styles find it. */
  inputClassName: string;
}

/** The phone that reaches an elder and whose it is (hers or a family member's): registering her, or correcting it. */
export function PhoneFields({ label, phone, phoneOwner, errors, onPhone, onOwner, inputClassName }: PhoneFieldsProps) {
  return (
    <>
      <TextField label={label} hint='老人本人或家属的手机号' value={phone} onChange={onPhone} error={errors.phone} inputClassName={inputClassName} type='number' maxlength={11} />
      <ChoiceGrid
        label='这是谁的手机号'
        options={PHONE_OWNER_LABELS}
        value={phoneOwnerLabelOf(phoneOwner)}
        onChange={(owner) => onOwner(PHONE_OWNERS[owner])}
        error={errors.phoneOwner}
      />
    </>
  );
}
