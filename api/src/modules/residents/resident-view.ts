import { maskIdNumber, maskPhone, type ResidentProfile } from '@linli/shared';
import type { FieldCipher } from '../../common/security/field-cipher';
import type { ResidentWithCommunity } from './residents.repository';

/** The only way a person record leaves the API: sensitive fields decrypted just long enough to be masked. */
export function toResidentProfile({ resident, community, hasOwnAccount }: ResidentWithCommunity, cipher: FieldCipher): ResidentProfile {
  return {
    id: resident.id,
    name: resident.name,
    phoneMasked: resident.phoneCipher ? maskPhone(cipher.decrypt(resident.phoneCipher)) : null,
    phoneOwner: resident.phoneOwner,
    idNumberMasked: resident.idNumberCipher ? maskIdNumber(cipher.decrypt(resident.idNumberCipher)) : null,
    birthDate: resident.birthDate,
    address: resident.address,
    communityId: resident.communityId,
    communityName: community?.name ?? null,
    hasOwnAccount,
    smsNotifications: resident.smsNotifications,
  };
}
