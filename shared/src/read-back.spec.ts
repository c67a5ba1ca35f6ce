import { readBackSentence, spokenDate, spokenTime, spokenTimeRange } from './read-back';

describe('read-back sentence (elder mode, issue 16)', () => {
  it('says a date with its weekday, and 今天/明天/后天 when today is given', () => {
    expect(spokenDate('2026-06-03')).toBe('6月3日（周三）');
    expect(spokenDate('2026-12-31')).toBe('12月31日（周四）');
    expect(spokenDate('2026-06-03', '2026-06-03')).toBe('今天6月3日（周三）');
    expect(spokenDate('2026-06-04', '2026-06-03')).toBe('明天6月4日（周四）');
    expect(spokenDate('2026-06-05', '2026-06-03')).toBe('后天6月5日（周五）');
    expect(spokenDate('2026-06-06', '2026-06-03')).toBe('6月6日（周六）');
    expect(spokenDate('2026-06-02', '2026-06-03')).toBe('6月2日（周二）');
    // Across a month's end.
    expect(spokenDate('2027-01-01', '2026-12-31')).toBe('明天1月1日（周五）');
  });

  it('says a time on the twelve-hour clock with the part of the day', () => {
    expect(spokenTime('09:00')).toBe('上午9:00');
    expect(spokenTime('08:30')).toBe('上午8:30');
    expect(spokenTime('12:00')).toBe('中午12:00');
    expect(spokenTime('12:30')).toBe('中午12:30');
    expect(spokenTime('13:05')).toBe('下午1:05');
    expect(spokenTime('17:59')).toBe('下午5:59');
    expect(spokenTime('18:00')).toBe('晚上6:00');
    expect(spokenTime('04:00')).toBe('凌晨4:00');
    expect(spokenTimeRange('08:00', '12:00')).toBe('上午8:00到中午12:00');
    expect(spokenTimeRange('11:00', '13:00')).toBe('上午11:00到下午1:00');
    expect(spokenTimeRange('14:00', '17:00')).toBe('下午2:00到5:00');
    expect(spokenTimeRange('14:00', '18:00')).toBe('下午2:00到晚上6:00');
  });

  const slot = { date: '2026-06-03', start: '09:00', end: '09:30' };

  it('reads a booking back: for whom, when, where, what', () => {
    expect(readBackSentence({ kind: 'book', person: '李建国', when: slot, centre: '安大社区服务中心', service: '社保医保代办' })).toBe(
      '将为 李建国 预约 6月3日（周三）上午9:00 在 安大社区服务中心 的 社保医保代办',
    );
    expect(readBackSentence({ kind: 'book', person: '王秀英', when: slot, centre: '安大社区市民中心', service: '社保医保代办' }, '2026-06-02')).toBe(
      '将为 王秀英 预约 明天6月3日（周三）上午9:00 在 安大社区市民中心 的 社保医保代办',
    );
    expect(readBackSentence({ kind: 'waitlist', person: '李建国', when: slot, centre: '安大社区市民中心', service: '社保医保代办' })).toBe(
      '将为 李建国 排队候补 6月3日（周三）上午9:00 在 安大社区市民中心 的 社保医保代办，有人取消时按顺序补上',
    );
    expect(readBackSentence({ kind: 'cancel_booking', person: '李建国', when: slot, centre: '安大社区市民中心', service: '社保医保代办' })).toBe(
      '将取消 李建国 6月3日（周三）上午9:00 在 安大社区市民中心 的 社保医保代办 预约，名额会让给别人',
    );
  });

  it('reads a meal order back: the dishes and portions, how it is had, what is paid and how', () => {
    const order = {
      kind: 'order_meal' as const,
      person: '李建国',
      date: '2026-06-03',
      mealKind: 'lunch' as const,
      point: '安大社区助餐点',
      dishes: [
        { name: '红烧鸡腿饭', quantity: 1 },
        { name: '紫菜蛋汤', quantity: 2 },
      ],
      fulfilment: 'pickup' as const,
      payment: 'balance' as const,
    };
    expect(readBackSentence(order, '2026-06-03')).toBe('将为 李建国 订 今天6月3日（周三）的午餐：红烧鸡腿饭 1 份、紫菜蛋汤 2 份，在 安大社区助餐点 自取，助餐余额');
    expect(readBackSentence({ ...order, payableFen: 500, payment: 'at_pickup' })).toBe(
      '将为 李建国 订 6月3日（周三）的午餐：红烧鸡腿饭 1 份、紫菜蛋汤 2 份，在 安大社区助餐点 自取，实付 5.00 元，到店付',
    );
    expect(readBackSentence({ ...order, fulfilment: 'delivery', address: '安大小区3栋201', payableFen: 0 })).toBe(
      '将为 李建国 订 6月3日（周三）的午餐：红烧鸡腿饭 1 份、紫菜蛋汤 2 份，由 安大社区助餐点 送餐到 安大小区3栋201，实付 0.00 元，助餐余额',
    );
    expect(readBackSentence({ kind: 'cancel_meal', person: '李建国', date: '2026-06-03', mealKind: 'dinner', point: '安大社区助餐点' })).toBe(
      '将取消 李建国 6月3日（周三）在 安大社区助餐点 的晚餐订单',
    );
  });

  it('reads a home visit back to the resident, and the same visit to the worker it is offered to', () => {
    const visit = { person: '李建国', when: { date: '2026-06-03', start: '08:00', end: '12:00' }, service: '家政保洁上门', address: '安大小区3栋201' };
    expect(readBackSentence({ kind: 'home_order', ...visit })).toBe('将为 李建国 预约 6月3日（周三）上午8:00到中午12:00 的 家政保洁上门，上门地址：安大小区3栋201');
    expect(readBackSentence({ kind: 'offer', ...visit })).toBe('新订单：6月3日（周三）上午8:00到中午12:00 到 安大小区3栋201 为 李建国 提供 家政保洁上门');
    expect(readBackSentence({ kind: 'cancel_home_order', ...visit })).toBe('将取消 李建国 6月3日（周三）上午8:00到中午12:00 的 家政保洁上门，上门地址：安大小区3栋201');
    expect(readBackSentence({ kind: 'home_order', ...visit, done: true })).toBe('已为 李建国 预约 6月3日（周三）上午8:00到中午12:00 的 家政保洁上门，上门地址：安大小区3栋201');
    // A meal delivery run is for no one person.
    expect(readBackSentence({ kind: 'offer', ...visit, person: null, service: '送餐 午餐 3 户' })).toBe(
      '新订单：6月3日（周三）上午8:00到中午12:00 到 安大小区3栋201 提供 送餐 午餐 3 户',
    );
  });

  it('reads a booking or meal order that is made with 已为 instead of 将为 (朗读 on its details)', () => {
    expect(readBackSentence({ kind: 'book', person: '李建国', when: slot, centre: '安大社区市民中心', service: '社保医保代办', done: true })).toBe(
      '已为 李建国 预约 6月3日（周三）上午9:00 在 安大社区市民中心 的 社保医保代办',
    );
    expect(
      readBackSentence({
        kind: 'order_meal',
        person: '李建国',
        date: '2026-06-03',
        mealKind: 'lunch',
        point: '安大社区助餐点',
        dishes: [{ name: '红烧鸡腿饭', quantity: 1 }],
        fulfilment: 'dine_in',
        payment: 'at_pickup',
        payableFen: 500,
        done: true,
      }),
    ).toBe('已为 李建国 订 6月3日（周三）的午餐：红烧鸡腿饭 1 份，在 安大社区助餐点 堂食，实付 5.00 元，到店付');
  });
});
