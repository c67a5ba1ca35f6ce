import { getMetadataStorage, IsInt, IsString, Min, validate } from 'class-validator';
import { memoizeValidationMetadata } from './validation';

class Base {
  @IsString() name: unknown;
}

class Child extends Base {
  @IsInt() @Min(1) count: unknown;
}

/** The memoized rule lookup (issue 17) answers what class-validator's own lookup answers, and follows new rules. */
describe('memoizeValidationMetadata', () => {
  beforeAll(() => memoizeValidationMetadata());

  const failing = async (value: object) => (await validate(value, { forbidUnknownValues: true })).map((error) => error.property).sort();

  it('keeps own and inherited rules, every time', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await failing(Object.assign(new Child(), { name: 1, count: 0 }))).toEqual(['count', 'name']);
      expect(await failing(Object.assign(new Child(), { name: 'a', count: 2 }))).toEqual([]);
      expect(await failing(Object.assign(new Base(), { name: 2 }))).toEqual(['name']);
    }
  });

  it('a rule registered after a lookup applies from then on', async () => {
    class Later {
      label: unknown;
    }
    expect(await failing(Object.assign(new Later(), { label: 3 }))).toEqual([]);
    IsString()(Later.prototype, 'label');
    expect(await failing(Object.assign(new Later(), { label: 3 }))).toEqual(['label']);
  });

  it('is installed once', () => {
    const lookUp = getMetadataStorage().getTargetValidationMetadatas;
    memoizeValidationMetadata();
    expect(getMetadataStorage().getTargetValidationMetadatas).toBe(lookUp);
  });
});
