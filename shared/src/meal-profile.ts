import { ageOn } from './id-number';

/**
 * An elder's meal profile: what subsidy rules look at. It holds sensitive personal information (hardship status,
 * disability): the API keeps it behind the same access rules as the ID number it is read from.
 */
export const HARDSHIP_CATEGORIES = ['subsistence_allowance', 'extreme_poverty', 'care_dependent', 'living_alone', 'advanced_age', 'entitled_group'] as const;
export type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number];

export const HARDSHIP_CATEGORY_LABELS: Record<HardshipCategory, string> = {
  subsistence_allowance: '低保',
  extreme_poverty: '特困',
  care_dependent: '失能/半失能',
  living_alone: '独居/空巢',
  advanced_age: '高龄',
  entitled_group: '重点优抚',
};

/**
 * A hardship category staff entered for an elder. Until staff verify it (against the civil-affairs record) it is only
 * a claim and subsidises nothing; once verified it counts on the dates of its validity period (both ends included),
 * because 低保 and 失能 assessments are reviewed and expire.
 */
export interface HardshipRecord {
  category: HardshipCategory;
  verified: boolean;
  /** `YYYY-MM-DD`, first day it counts. */
  validFrom: string;
  /** `YYYY-MM-DD`, last day it counts; null while open-ended. */
  validTo: string | null;
}

export interface ElderMealProfile {
  /** `YYYY-MM-DD` read from the verified ID number (birthDateFromIdNumber); null until the ID number is verified. */
  birthDate: string | null;
  hardships: readonly HardshipRecord[];
  /** District of the household registration (户籍); null when unknown. */
  registeredDistrictId: string | null;
  /** District the elder lives in now; differs from the registered one after a move. */
  residenceDistrictId: string | null;
}

/** The elder's age on a date (`YYYY-MM-DD`), or null without a verified birth date: no age tier applies then. */
export function elderAgeOn(profile: ElderMealProfile, date: string): number | null {
  return profile.birthDate === null ? null : ageOn(profile.birthDate, date);
}

/** Whether a hardship record counts on a date: verified, and the date inside its validity period. */
export function hardshipCountsOn(record: HardshipRecord, date: string): boolean {
  // `YYYY-MM-DD` strings compare as dates.
  return record.verified && record.validFrom <= date && (record.validTo === null || date <= record.validTo);
}

/** The hardship categories that count for an elder on a date (each once, in HARDSHIP_CATEGORIES order). */
export function hardshipsHeldOn(profile: ElderMealProfile, date: string): HardshipCategory[] {
  return HARDSHIP_CATEGORIES.filter((category) => profile.hardships.some((record) => record.category === category && hardshipCountsOn(record, date)));
}
