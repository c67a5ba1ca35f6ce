import { birthDateFromIdNumber, idNumberCheckCharacter, isMainlandMobile, isValidIdNumber, maskIdNumber, maskPhone } from './id-number';

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
