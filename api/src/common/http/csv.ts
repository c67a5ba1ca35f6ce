/**
 * Leading characters that make a spreadsheet read a cell as a formula: OWASP's CSV-injection list (`=`, `+`,
 * `-`, `@`, tab, carriage return), with line feed and NUL as well (ASVS 1.2.10 names NUL; a line break at the
 * start of a cell is never data worth keeping as is).
 */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/** Field separators (`;` is Excel's in many locales), quotes and line breaks: the field is quoted when it holds one. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * One CSV field, safe to open in Excel, WPS or LibreOffice, following OWASP's CSV-injection guidance: a field
 * starting with a formula character gets a leading `'` (shown as text, the data kept), and a field holding a
 * separator, quote or line break is quoted with its quotes doubled (RFC 4180), so nothing inside it can start a
 * new cell that begins with a formula character.
 */
export function csvField(value: string): string {
  const defused = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** Rows as a CSV document for a spreadsheet: UTF-8 with a BOM (so Excel reads Chinese correctly), CRLF line ends. */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${rows.map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}
