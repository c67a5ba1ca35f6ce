import { SERVICE_CATALOGUE } from './catalogue';
import { matchesPinyinInitials, pinyinInitialsOf, searchCatalogue, serviceMatchesKeyword } from './service-search';

const service = (name: string, description = '') => ({ name, description });

describe('pinyin initials table', () => {
  it('has an entry for every character of every seeded service name', () => {
    const characters = new Set(SERVICE_CATALOGUE.flatMap((category) => category.services.flatMap((seed) => [...seed.name])));
    expect([...characters].filter((character) => pinyinInitialsOf(character) === '')).toEqual([]);
  });

  it('lists a polyphone under each of its readings', () => {
    expect(pinyinInitialsOf('调')).toBe('dt'); // 人民调解: tiáo
    expect(pinyinInitialsOf('家')).toBe('j');
    expect(pinyinInitialsOf('猫')).toBe('');
  });
});

describe('matchesPinyinInitials', () => {
  it('matches the initials of consecutive characters anywhere in the name', () => {
    expect(matchesPinyinInitials('家政保洁上门', 'jz')).toBe(true);
    expect(matchesPinyinInitials('家政保洁上门', 'bjsm')).toBe(true);
    expect(matchesPinyinInitials('人民调解', 'rmtj')).toBe(true);
  });

  it('does not match initials of characters that are not next to each other, or an empty query', () => {
    expect(matchesPinyinInitials('家政保洁上门', 'jb')).toBe(false);
    expect(matchesPinyinInitials('家政保洁上门', '')).toBe(false);
    expect(matchesPinyinInitials('家政', 'jzb')).toBe(false);
  });
});

describe('serviceMatchesKeyword', () => {
  const cleaning = service('家政保洁上门', '上门打扫卫生、整理房间');

  it('finds by part of the name or the description, ignoring case and surrounding spaces', () => {
    expect(serviceMatchesKeyword(cleaning, '家政')).toBe(true);
    expect(serviceMatchesKeyword(cleaning, ' 打扫 ')).toBe(true);
    expect(serviceMatchesKeyword(service('WiFi 安装'), 'wifi')).toBe(true);
    expect(serviceMatchesKeyword(cleaning, '社保')).toBe(false);
  });

  it('finds by pinyin initials, upper or lower case', () => {
    expect(serviceMatchesKeyword(cleaning, 'jz')).toBe(true);
    expect(serviceMatchesKeyword(cleaning, 'JZ')).toBe(true);
    expect(serviceMatchesKeyword(cleaning, 'sb')).toBe(false);
  });

  it('needs every word to match', () => {
    expect(serviceMatchesKeyword(cleaning, '家政 打扫')).toBe(true);
    expect(serviceMatchesKeyword(cleaning, '家政 社保')).toBe(false);
  });
});

describe('searchCatalogue', () => {
  const categories = SERVICE_CATALOGUE.map((category) => ({
    name: category.name,
    services: category.services.map((seed) => service(seed.name)),
  }));
  const names = (found: typeof categories) => found.flatMap((category) => category.services.map((entry) => entry.name));

  it('keeps every category and service for an empty keyword', () => {
    expect(searchCatalogue(categories, '  ')).toEqual(categories);
  });

  it('keeps only the matching services and drops the categories left empty', () => {
    const found = searchCatalogue(categories, 'jz');
    expect(names(found)).toContain('家政保洁上门');
    expect(names(found)).not.toContain('社保医保代办');
    expect(found.every((category) => category.services.length > 0)).toBe(true);
    expect(names(searchCatalogue(categories, '社保'))).toEqual(['社保医保代办']);
  });
});
