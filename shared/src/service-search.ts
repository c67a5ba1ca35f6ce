/**
 * Finding a service by typing part of its name or description, or the pinyin initials of its name ("jz" finds
 * 家政保洁上门): many older people type Chinese slowly, and initials are the shortcut they know from phone keyboards.
 * See docs/decisions/0013-pinyin-initials-table.md for why this is a table and not a pinyin library.
 */

/**
 * The characters of the catalogue's service names, listed under the initial of each of their readings (a polyphone
 * such as 调 tiáo/diào is under both). Generated once from the names in SERVICE_CATALOGUE; a test holds that every
 * character of every seeded service name is here, so adding a service with a new character fails until it is added.
 */
const CHARACTERS_BY_INITIAL: Readonly<Record<string, string>> = {
  a: '案',
  b: '保办半备报',
  c: '场成残程',
  d: '代党到动地点电登调',
  f: '复孵服',
  g: '关',
  h: '互会化活',
  j: '家就居建接救教洁疾系解记间',
  k: '会口康课',
  l: '料流老邻里',
  m: '名民门',
  n: '年',
  q: '区求请',
  r: '人日',
  s: '上事四室水申社诉',
  t: '体厅团堂调',
  w: '务文未维',
  x: '修系解询项',
  y: '与业养医员愿援约育议预',
  z: '住助咨志政照组织转',
};

const INITIALS_OF_CHARACTER: ReadonlyMap<string, string> = (() => {
  const initials = new Map<string, string>();
  for (const [initial, characters] of Object.entries(CHARACTERS_BY_INITIAL)) {
    for (const character of characters) initials.set(character, (initials.get(character) ?? '') + initial);
  }
  return initials;
})();

/** The possible pinyin initials of one character ('调' → 'dt'); '' for a character the table does not know. */
export function pinyinInitialsOf(character: string): string {
  return INITIALS_OF_CHARACTER.get(character) ?? '';
}

/** Whether `initials` (lower-case latin letters) are the initials of consecutive characters of `text`. */
export function matchesPinyinInitials(text: string, initials: string): boolean {
  const characters = [...text];
  if (initials.length === 0) return false;
  for (let start = 0; start + initials.length <= characters.length; start += 1) {
    if ([...initials].every((letter, offset) => pinyinInitialsOf(characters[start + offset]).includes(letter))) return true;
  }
  return false;
}

export interface SearchableService {
  name: string;
  description: string;
}

/**
 * Whether a service answers what was typed: every word of it (split on spaces) is found in the name or the
 * description, or, when it is latin letters only, spells the pinyin initials of part of the name. An empty keyword
 * matches everything.
 */
export function serviceMatchesKeyword(service: SearchableService, keyword: string): boolean {
  const words = keyword.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return words.every(
    (word) => service.name.toLowerCase().includes(word) || service.description.toLowerCase().includes(word) || (/^[a-z]+$/.test(word) && matchesPinyinInitials(service.name, word)),
  );
}

/** The categories with only the services that match `keyword`, in the same order; categories left empty are dropped. */
export function searchCatalogue<S extends SearchableService, C extends { services: S[] }>(categories: readonly C[], keyword: string): C[] {
  if (keyword.trim() === '') return [...categories];
  return categories
    .map((category) => ({ ...category, services: category.services.filter((service) => serviceMatchesKeyword(service, keyword)) }))
    .filter((category) => category.services.length > 0);
}
