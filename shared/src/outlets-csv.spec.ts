import { outletCsvFields, outletCsvHeader, parseCsvRecords, readOutletCsv } from './outlets-csv';
import { rankByMissingKinds, outletKindFrom } from './outlets';

const good = '老王早餐,早餐店,340104001001,肥西路 3 号,31.8212,117.2271,0551-65101088,1-7 06:00-10:00,豆浆、油条,老年优惠';

describe('readOutletCsv', () => {
  it('reads good rows', () => {
    const reading = readOutletCsv(`\uFEFF${outletCsvHeader()}\r\n${good}\r\n`);
    expect(reading.problems).toEqual([]);
    expect(reading.rows[0]).toMatchObject({ line: 2, kind: 'breakfast', services: ['豆浆', '油条'], elderFeatures: ['senior_discount'] });
  });

  it.each([
    ['unknown kind', good.replace('早餐店', '网吧'), '类型'],
    ['bad latitude', good.replace('31.8212', '91'), '纬度'],
    ['bad hours', good.replace('1-7 06:00-10:00', '每天'), '营业时间'],
    ['missing column', good.replace(',老年优惠', ''), '列'],
  ])('reports %s with its line', (_name, row, word) => {
    const reading = readOutletCsv(`${outletCsvHeader()}\n${good}\n${row}\n`);
    expect(reading.rows).toHaveLength(1);
    expect(reading.problems).toHaveLength(1);
    expect(reading.problems[0].line).toBe(3);
    expect(reading.problems[0].reason).toContain(word);
  });

  it('counts lines inside quoted fields', () => {
    const reading = readOutletCsv(`${outletCsvHeader()}\n"两行\n名称",早餐店,1,肥西路,31.8,117.2,0551-1234567,1-7 24h,,\nx,早餐店,1,肥西路,31.8,117.2,0551-1234567,1-7 24h,,\n`);
    expect(reading.rows[0].name).toBe('两行\n名称');
    expect(reading.problems).toEqual([{ line: 4, reason: expect.stringContaining('名称') }]);
  });

  it('refuses a file without the header', () => {
    expect(readOutletCsv(good).problems[0]).toMatchObject({ line: 1 });
  });
});

describe('export rows', () => {
  it('an exported row, defused as the API writes it, imports back unchanged', () => {
    const row = readOutletCsv(`${outletCsvHeader()}\n${good}\n`).rows[0];
    const fields = outletCsvFields({ ...row, name: '=危险名称', phone: '+86 0551-65101088' });
    const defused = fields.map((field) => (/^[=+\-@]/.test(field) ? `'${field}` : field)).join(',');
    const again = readOutletCsv(`${outletCsvHeader()}\n${defused}\n`).rows[0];
    expect(again).toMatchObject({ name: '=危险名称', phone: '+86 0551-65101088', weekly: row.weekly, services: row.services });
    expect(parseCsvRecords(defused)[0].fields[0]).toBe("'=危险名称");
  });
});

describe('outlet kinds and coverage ranking', () => {
  it('knows kinds by code and label', () => {
    expect(outletKindFrom('社区食堂')).toBe('canteen');
    expect(outletKindFrom('bank')).toBe('bank');
    expect(outletKindFrom('网吧')).toBeNull();
  });

  it('ranks communities by missing kinds, then name', () => {
    const ranked = rankByMissingKinds([
      { communityName: '乙', missing: [1] },
      { communityName: '甲', missing: [1] },
      { communityName: '丙', missing: [1, 2] },
    ]);
    expect(ranked.map((c) => c.communityName)).toEqual(['丙', ...['甲', '乙'].sort((a, b) => a.localeCompare(b, 'zh'))]);
  });
});
