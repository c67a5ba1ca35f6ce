import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';
import type { FestivalDates } from '@linli/shared';

const isoDate = (day: SolarDay) => `${day.getYear()}-${String(day.getMonth()).padStart(2, '0')}-${String(day.getDay()).padStart(2, '0')}`;

/**
 * The Gregorian dates of a year's lunar festivals and of the 清明 term, from tyme4ts's astronomical calendar
 * (decision 0016: the lunar library stays in the API, the rule that uses these dates is in shared).
 */
export function festivalDatesOf(year: number): FestivalDates {
  return {
    springFestivalEve: isoDate(LunarDay.fromYmd(year, 1, 1).getSolarDay().next(-1)),
    qingming: isoDate(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay()),
    dragonBoat: isoDate(LunarDay.fromYmd(year, 5, 5).getSolarDay()),
    midAutumn: isoDate(LunarDay.fromYmd(year, 8, 15).getSolarDay()),
  };
}
