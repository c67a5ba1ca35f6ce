/**
 * The outlet directory as a CSV file (staff fill it in Excel/WPS and import it; export gives the same columns).
 * Reading checks each row on its own and says which line is wrong and why; the API imports only when no row is.
 */
import { formatWeeklyHours, parseWeeklyHours, type OutletWeekday } from './outlet-hours';
import { OUTLET_ELDER_FEATURE_LABELS, OUTLET_ELDER_FEATURES, OUTLET_KIND_LABELS, outletKindFrom, type OutletElderFeature, type OutletKind } from './outlets';

export const OUTLET_CSV_COLUMNS = ['名称', '类型', '社区编码', '地址', '纬度', '经度', '电话', '营业时间', '服务', '适老'] as const;

/** One CSV row read into an outlet; the community is still a code the API resolves. */
export interface OutletCsvRow {
  line: number;
  name: string;
  kind: OutletKind;
  communityCode: string;
  address: string;
  latitude: number;
  longitude: number;
  phone: string;
  weekly: OutletWeekday[];
  services: string[];
  elderFeatures: OutletElderFeature[];
}

export interface OutletCsvProblem {
  line: number;
  reason: string;
}

export interface OutletCsvReading {
  rows: OutletCsvRow[];
  problems: OutletCsvProblem[];
}

/** RFC 4180 records with the line each starts on (quoted fields may hold commas, quotes and line breaks). */
export function parseCsvRecords(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      endRecord();
      line++;
      recordLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/**
 * Exports defuse cells a spreadsheet would run as a formula with a leading apostrophe (the API's csvField); reading
 * takes it off again, so an exported file imports unchanged.
 */
const DEFUSED_FORMULA = /^'[=+\-@\t\r\n\0]/;

function unguard(value: string): string {
  return DEFUSED_FORMULA.test(value) ? value.slice(1) : value.trim();
}

const listOf = (cell: string) =>
  cell
    .split(/[、|]/)
    .map((item) => item.trim())
    .filter(Boolean);

function readRow(line: number, cells: string[]): OutletCsvRow | string {
  if (cells.length !== OUTLET_CSV_COLUMNS.length) return `应有 ${OUTLET_CSV_COLUMNS.length} 列，实有 ${cells.length} 列`;
  const [name, kindText, communityCode, address, latitudeText, longitudeText, phone, hoursText, servicesText, featuresText] = cells.map(unguard);
  if (name.length < 2 || name.length > 80) return '名称应为 2–80 个字';
  const kind = outletKindFrom(kindText);
  if (!kind) return `类型“${kindText}”不是已知的网点类型`;
  if (!communityCode) return '社区编码不能为空';
  if (address.length < 2 || address.length > 200) return '地址应为 2–200 个字';
  const latitude = Number(latitudeText);
  const longitude = Number(longitudeText);
  if (!latitudeText || !Number.isFinite(latitude) || latitude < 3.86 || latitude > 53.55) return `纬度“${latitudeText}”无效`;
  if (!longitudeText || !Number.isFinite(longitude) || longitude < 73.66 || longitude > 135.05) return `经度“${longitudeText}”无效`;
  if (!/^[0-9+\-\s]{5,32}$/.test(phone)) return `电话“${phone}”无效`;
  const weekly = parseWeeklyHours(hoursText);
  if (typeof weekly === 'string') return weekly;
  const services = listOf(servicesText);
  if (services.length > 20 || services.some((service) => service.length > 20)) return '服务最多 20 项，每项最多 20 个字';
  const elderFeatures: OutletElderFeature[] = [];
  for (const label of listOf(featuresText)) {
    const feature = OUTLET_ELDER_FEATURES.find((candidate) => OUTLET_ELDER_FEATURE_LABELS[candidate] === label || candidate === label);
    if (!feature) return `适老服务“${label}”无法识别`;
    elderFeatures.push(feature);
  }
  return { line, name, kind, communityCode, address, latitude, longitude, phone, weekly, services, elderFeatures };
}

/** Reads a whole file: every row that is right, and a problem for every one that is not (the header must match). */
export function readOutletCsv(text: string): OutletCsvReading {
  const [header, ...records] = parseCsvRecords(text);
  if (!header || header.fields.map(unguard).join(',') !== OUTLET_CSV_COLUMNS.join(',')) {
    return { rows: [], problems: [{ line: 1, reason: `第一行应为表头：${OUTLET_CSV_COLUMNS.join(',')}` }] };
  }
  if (records.length === 0) return { rows: [], problems: [{ line: 2, reason: '文件中没有网点' }] };
  const reading: OutletCsvReading = { rows: [], problems: [] };
  for (const record of records) {
    const row = readRow(record.line, record.fields);
    if (typeof row === 'string') reading.problems.push({ line: record.line, reason: row });
    else reading.rows.push(row);
  }
  return reading;
}

/** One row of an export, in OUTLET_CSV_COLUMNS order (the API quotes and defuses the cells). */
export function outletCsvFields(outlet: Omit<OutletCsvRow, 'line'>): string[] {
  return [
    outlet.name,
    OUTLET_KIND_LABELS[outlet.kind],
    outlet.communityCode,
    outlet.address,
    String(outlet.latitude),
    String(outlet.longitude),
    outlet.phone,
    formatWeeklyHours(outlet.weekly),
    outlet.services.join('、'),
    outlet.elderFeatures.map((feature) => OUTLET_ELDER_FEATURE_LABELS[feature]).join('、'),
  ];
}

export function outletCsvHeader(): string {
  return OUTLET_CSV_COLUMNS.join(',');
}
