import { ageOn, birthDateFromIdNumber, idNumberCheckCharacter, isMainlandMobile, isValidIdNumber, maskIdNumber, maskPhone } from './id-number';

// The standard's own example and numbers built with the check rule.
const VALID = ['11010519491231002X', '440524193801010019', '110101199003071234'.slice(0, 17) + idNumberCheckCharacter('11010119900307123')];

describe('GB 11643 identity numbers', () => {
  it.each(VALID)('accepts %s', (idNumber) => expect(isValidIdNumber(idNumber)).toBe(true));

  it('accepts a lowercase x check character', () => expect(isValidIdNumber('11010519491231002x')).toBe(true));

  it.each([
    ['wrong check character', '110105194912310021'],
    ['impossible date', '110105194902300028'],
    ['too short', '11010519491231002'],
    ['letters inside', '1101051949A231002X'],
    ['empty', ''],
  ])('rejects %s', (_reason, idNumber) => expect(isValidIdNumber(idNumber)).toBe(false));

  it('reads the birth date', () => {
    expect(birthDateFromIdNumber('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateFromIdNumber('110105194902300028')).toBeNull();
  });

  it('masks all but the region prefix and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});

describe('phones', () => {
  it('masks the middle four digits', () => expect(maskPhone('13800138000')).toBe('138****8000'));
  it('knows mainland mobiles', () => {
    expect(isMainlandMobile('13800138000')).toBe(true);
    expect(isMainlandMobile('12800138000')).toBe(false);
    expect(isMainlandMobile('0551-65101001')).toBe(false);
  });
});

describe('ageOn', () => {
  it.each([
    ['1956-12-01', '2026-11-30', 69], // the day before the 70th birthday
    ['1956-12-01', '2026-12-01', 70], // on it
    ['1956-12-01', '2026-12-02', 70],
    ['1966-06-15', '2026-06-14', 59],
    ['1966-06-15', '2026-06-15', 60],
    ['1946-01-01', '2026-01-01', 80],
    ['1946-01-01', '2025-12-31', 79], // across a year end
  ])('born %s is %i on %s', (birthDate, onDate, age) => expect(ageOn(birthDate, onDate)).toBe(age));

  it('counts a 29 February birthday from 1 March in ordinary years', () => {
    expect(ageOn('1948-02-29', '2026-02-28')).toBe(77);
    expect(ageOn('1948-02-29', '2026-03-01')).toBe(78);
    expect(ageOn('1948-02-29', '2028-02-29')).toBe(80);
  });
});
