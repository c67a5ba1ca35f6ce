import { parseDate } from '@linli/shared';
import { SatisfiesRule } from '../../../common/http/validation';

/** A real `YYYY-MM-DD` calendar date (2026-02-30 is refused), as the shared rules compare them. */
export const IsCalendarDate = SatisfiesRule('isCalendarDate', (value) => parseDate(value) !== null, '$property must be a date YYYY-MM-DD');
