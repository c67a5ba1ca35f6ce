import type { OutletInput, OutletView } from '@linli/shared';

import { datedOf, emptyDatedDraft, newOutletForm, outletErrorsOf, outletFormOf, outletInputOf, rangeErrors, runsPastMidnight } from '../src/staff/forms/outlet-form';
import { ApiError } from '../src/services/api-error';

const TIME_HINT = '请写成 08:00 这样（24 小时制）';
const anda = { id: 'community-anda', name: '安大社区', latitude: 31.84437, longitude: 117.26219 };

describe('the outlet form', () => {
  it.each([
    ['a day range', { start: '08:00', end: '20:00' }, {}],
    ['a night past midnight', { start: '22:00', end: '02:00' }, {}],
    ['midnight as the end', { start: '18:00', end: '24:00' }, {}],
    ['a start without its leading zero', { start: '8:00', end: '20:00' }, { start: TIME_HINT }],
    ['24:00 as a start', { start: '24:00', end: '06:00' }, { start: TIME_HINT }],
    ['both ends unreadable', { start: '早上', end: '晚上' }, { start: TIME_HINT, end: TIME_HINT }],
    ['the same start and end', { start: '08:00', end: '08:00' }, { end: '结束不能与开始相同（全天营业请选“24小时”）' }],
  ])('judges each end of %s', (_name, range, errors) => {
    expect(rangeErrors(range)).toEqual(errors);
  });

  it.each([
    [{ start: '22:00', end: '02:00' }, true],
    [{ start: '08:00', end: '20:00' }, false],
    [{ start: '18:00', end: '24:00' }, false],
    [{ start: '08:00', end: '08:00' }, false],
    [{ start: '22:00', end: '2点' }, false],
  ])('says %j runs past midnight: %s', (range, overnight) => {
    expect(runsPastMidnight(range)).toBe(overnight);
  });

  it('reads a whole week back from an outlet: closed days, split days and 24 h days', () => {
    const outlet = {
      hours: {
        weekly: [
          {
            weekday: 1,
            ranges: [
              { start: '08:00', end: '11:30' },
              { start: '13:30', end: '20:00' },
            ],
          },
          { weekday: 7, ranges: [{ start: '00:00', end: '24:00' }] },
        ],
        dated: [],
      },
    } as unknown as OutletView;
    const days = outletFormOf({ ...newOutletView(), ...outlet }).days;
    expect(days.map((day) => day.mode)).toEqual(['hours', 'closed', 'closed', 'closed', 'closed', 'closed', 'allDay']);
    expect(days[0].ranges).toHaveLength(2);
  });

  it('sends a filled-in new outlet as the API takes it, and names every field of an empty one', () => {
    const empty = outletInputOf(newOutletForm(anda));
    expect(empty.input).toBeNull();
    expect(Object.keys(empty.errors).sort()).toEqual(['address', 'kind', 'name', 'phone']);
    const filled = outletInputOf({ ...newOutletForm(anda), name: '老王早餐', kind: 'breakfast', address: '肥西路 5 号', phone: '0551-65100001', services: '豆浆，油条、 豆浆2' });
    expect(filled.errors).toEqual({});
    expect(filled.input).toMatchObject({ regionId: 'community-anda', latitude: 31.84437, longitude: 117.26219, services: ['豆浆', '油条', '豆浆2'] });
    expect(filled.input!.hours.weekly).toHaveLength(7);
  });

  it('keeps a dated entry only with a readable new date and a note', () => {
    const listed = [{ date: '2027-01-01', ranges: [], note: '元旦休息' }];
    expect(datedOf({ ...emptyDatedDraft('2027-01-01'), note: '休息' }, listed).errors).toEqual({ date: '2027-01-01 已经有了，请先删掉原来的' });
    expect(datedOf({ ...emptyDatedDraft('2027-02-30'), note: '休息' }, listed).errors).toEqual({ date: '日期请写成 2026-12-01 这样' });
    expect(datedOf({ ...emptyDatedDraft('2027-02-10'), closed: false, range: { start: '09:00', end: '9点' }, note: '春节' }, listed).errors).toEqual({ end: TIME_HINT });
    expect(datedOf({ ...emptyDatedDraft('2027-02-10'), closed: false, note: ' 春节 ' }, listed).dated).toEqual({
      date: '2027-02-10',
      ranges: [{ start: '08:00', end: '20:00' }],
      note: '春节',
    });
  });

  it('puts an API refusal by the field it names: a weekly range by the weekday sent, Chinese kept, English in words', () => {
    const sent = {
      hours: {
        weekly: [
          { weekday: 2, ranges: [] },
          { weekday: 5, ranges: [] },
        ],
        dated: [],
      },
    } as unknown as OutletInput;
    const refusal = new ApiError({
      code: 'VALIDATION_FAILED',
      message: '提交的内容不符合要求',
      status: 400,
      details: [
        { field: 'hours.weekly.1.ranges.0.start', message: 'start must match /^([01]\\d|2[0-3]):[0-5]\\d$/ regular expression' },
        { field: 'hours', message: '周五：开始与结束时间相同' },
        { field: 'phone', message: 'phone must match' },
        { field: 'somethingNew', message: 'x' },
      ],
    });
    expect(outletErrorsOf(refusal, sent)).toEqual({
      '5.0.start': '营业时间不符合要求，请检查',
      hours: '周五：开始与结束时间相同',
      phone: '电话不符合要求，请检查',
      form: '内容不符合要求，请检查',
    });
    expect(outletErrorsOf(new ApiError({ code: 'NOT_FOUND', message: '该地区不存在', status: 404 }), sent)).toEqual({ form: '该地区不存在' });
  });
});

function newOutletView(): OutletView {
  return {
    id: 'outlet-1',
    source: 'directory',
    name: '老王早餐',
    kind: 'breakfast',
    regionId: 'community-anda',
    regionName: '安大社区',
    address: '肥西路 5 号',
    latitude: 31.8451,
    longitude: 117.2625,
    phone: '0551-65100001',
    hours: { weekly: [], dated: [] },
    services: [],
    photoUrls: [],
    elderFeatures: [],
    verifiedOn: null,
  };
}
