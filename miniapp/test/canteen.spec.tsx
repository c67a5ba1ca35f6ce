import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { shanghaiDateOf } from '@linli/shared';

import { CanteenCounterPage } from '../src/canteen/pages/counter';
import { CanteenKitchenPage } from '../src/canteen/pages/kitchen';
import { CanteenMenuPage } from '../src/canteen/pages/menu';
import { dishInputOf, sendableDish } from '../src/canteen/hooks/useMenuEditor';
import { fenOfYuan } from '../src/forms/yuan';
import { createFakeApi, signInTo } from './support/fake-api';
import { canteenRoutes, createFakeCanteen, mealOrderOf, mealPointFixture, weekMenuOf } from './support/fake-canteen';
import { findAll, findOne, typeInto } from './support/interact';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';
import { JPEG_FILE, TEXT_FILE } from './support/photos';
import { imageStub, routeParams } from './support/taro-h5';

import type { DishInput } from '@linli/shared';

import type { FakeCanteen } from './support/fake-canteen';

const serveRoutes = servePerTest();

const operator = residentAccount({ id: 'account-canteen', role: 'provider_admin', displayName: '长者食堂管理员', residentId: null, providerId: 'provider-canteen' });

function click(node: Element | null | undefined): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

async function open(page: JSX.Element, fake: FakeCanteen) {
  const api = createFakeApi({ account: operator });
  signInTo(api);
  routeParams.id = mealPointFixture.id;
  const server = await serveRoutes(canteenRoutes(api, fake));
  return { ...render(page), server };
}

/** After a week write the menu is read again: the test waits for it, so no request outlives the test's server. */
async function menuReadAgain(server: Awaited<ReturnType<typeof serveRoutes>>): Promise<void> {
  await waitFor(() => expect(server.requests.filter((req) => req.method === 'GET' && (req.url ?? '').includes('/menu?')).length).toBe(2));
}

describe('yuan typed, fen sent', () => {
  it.each([
    ['15', 1500],
    ['15.5', 1550],
    ['15.50', 1550],
    [' 0.05 ', 5],
    ['15.505', null],
    ['-3', null],
    ['1e3', null],
    ['', null],
  ])('%j → %j', (typed, fen) => expect(fenOfYuan(typed)).toBe(fen));

  it('a dish form becomes the API dish, or says what to fix', () => {
    const form = {
      index: null,
      name: ' 清蒸鱼套餐 ',
      kind: 'set_meal' as const,
      priceYuan: '15.5',
      tags: ['soft' as const],
      allergens: '鱼、 花生',
      dailyQuantity: '',
      photoId: 'photo-1',
      photoUrl: '/dish-photos/signed.photo-1',
    };
    expect(dishInputOf(form)).toEqual({
      ok: true,
      dish: {
        name: '清蒸鱼套餐',
        kind: 'set_meal',
        priceFen: 1550,
        tags: ['soft'],
        allergens: ['鱼', '花生'],
        photoUrl: '/dish-photos/signed.photo-1',
        photoId: 'photo-1',
        dailyQuantity: null,
      },
    });
    // The API keeps an uploaded photo by its id; the signed path is only for showing it.
    const { dish } = dishInputOf(form) as { dish: DishInput };
    expect(sendableDish(dish)).toEqual({ ...dish, photoUrl: null });
    expect(sendableDish({ ...dish, photoId: null, photoUrl: 'https://img.example.com/fish.jpg' })).toEqual({
      ...dish,
      photoId: null,
      photoUrl: 'https://img.example.com/fish.jpg',
    });
    expect(dishInputOf({ ...form, priceYuan: '15.555' })).toEqual({ ok: false, problem: '价格请写成 15 或 15.50 这样的金额（元）' });
    expect(dishInputOf({ ...form, dailyQuantity: '0' })).toMatchObject({ ok: false });
    expect(dishInputOf({ ...form, name: ' ' })).toEqual({ ok: false, problem: '请填写菜名' });
  });
});

describe('canteen counter', () => {
  it('hands a meal over by the six digits; a second try says when it was collected', async () => {
    const fake = createFakeCanteen();
    const { container } = await open(<CanteenCounterPage />, fake);
    await findOne(container, '.canteen-order');
    expect(fake.orderQueries[0].get('mealKind')).toBe('lunch');
    expect(fake.orderQueries[0].get('date')).toBe(shanghaiDateOf(new Date()));

    click(container.querySelector('.canteen-code-submit'));
    expect(await screen.findByText('请输入取餐码（6 位数字）')).toBeTruthy();
    expect(fake.writes).toEqual([]);

    await typeInto(container, '.canteen-code', '123456');
    click(container.querySelector('.canteen-code-submit'));
    expect((await findOne(container, '.canteen-collected')).textContent).toBe('李建国 已取餐：清蒸鱼套餐 ×1');
    expect(fake.writes).toEqual([{ call: 'POST /staff/meal-pickups', body: { mealPointId: 'point-anda', code: '123456' } }]);
    await waitFor(() => expect(container.querySelector('.canteen-order__status')?.textContent).toBe('已取餐 11:05'));
    expect(container.querySelector('.canteen-order__collect')).toBeNull();

    await typeInto(container, '.canteen-code', '123456');
    click(container.querySelector('.canteen-code-submit'));
    expect(await screen.findByText('该餐已于 2026-12-01 11:05 取走')).toBeTruthy();
  });

  it('looks an elder up by name or phone tail and collects from the list', async () => {
    const fake = createFakeCanteen({ orders: [mealOrderOf(), mealOrderOf({ id: 'order-sun', resident: { id: 'resident-sun', name: '孙桂兰' } })] });
    const { container } = await open(<CanteenCounterPage />, fake);
    expect(await findAll(container, '.canteen-order')).toHaveLength(2);

    await typeInto(container, '.canteen-lookup', '0002');
    click(container.querySelector('.canteen-lookup-submit'));
    await waitFor(() => expect(fake.orderQueries.at(-1)?.get('phoneTail')).toBe('0002'));
    // 查找 is disabled while that search loads; the next one is tapped once it has answered (a tap while it loaded was
    // lost, and the test failed so now and then).
    await waitFor(() => expect(container.querySelector('.canteen-lookup-submit')!.className).not.toContain('nut-button-loading'));
    await typeInto(container, '.canteen-lookup', '孙桂兰');
    click(container.querySelector('.canteen-lookup-submit'));
    await waitFor(() => expect(container.querySelectorAll('.canteen-order')).toHaveLength(1));
    expect(fake.orderQueries.at(-1)?.get('name')).toBe('孙桂兰');

    click(await findOne(container, '.canteen-order__collect'));
    expect((await findOne(container, '.canteen-collected')).textContent).toContain('孙桂兰 已取餐');
    expect(fake.writes.at(-1)?.call).toBe('POST /staff/meal-orders/order-sun/collect');
  });

  it('switches to dinner', async () => {
    const fake = createFakeCanteen();
    const { container } = await open(<CanteenCounterPage />, fake);
    await findOne(container, '.canteen-order');
    click(container.querySelector('.canteen-meal-kind[data-value="dinner"]'));
    await waitFor(() => expect(fake.orderQueries.at(-1)?.get('mealKind')).toBe('dinner'));
  });
});

describe('kitchen counts', () => {
  it('shows portions per dish and per tag, with 打印 on H5', async () => {
    const fake = createFakeCanteen();
    const { container } = await open(<CanteenKitchenPage />, fake);
    const dish = await findOne(container, '.kitchen-dish');
    expect(dish.textContent).toBe('清蒸鱼套餐3');
    expect(container.querySelector('.kitchen-tag')?.textContent).toBe('软烂易嚼2');
    expect(container.querySelector('.kitchen-print')).toBeTruthy();
  });
});

describe('menu editor', () => {
  const today = shanghaiDateOf(new Date());

  it('adds a dish to one meal (price typed in yuan, sent in fen) and saves that meal', async () => {
    const fake = createFakeCanteen({ menu: weekMenuOf(today, [today]) });
    const { container } = await open(<CanteenMenuPage />, fake);
    click((await findAll(container, '.canteen-meal'))[0]);
    click(await findOne(container, '.canteen-dish-add'));
    await typeInto(container, '.canteen-dish-name', '清蒸鱼套餐');
    await typeInto(container, '.canteen-dish-price', '15.5');
    click(container.querySelector('.canteen-dish-tag'));
    await typeInto(container, '.canteen-dish-quantity', '30');
    click(container.querySelector('.canteen-dish-save'));
    await waitFor(() => expect(container.querySelectorAll('.canteen-dish')).toHaveLength(2));
    click(container.querySelector('.canteen-meal-save'));
    expect(await screen.findByText(/^已保存/)).toBeTruthy();
    expect(fake.writes).toEqual([
      {
        call: `PUT /meal-points/point-anda/menu/${today}`,
        body: {
          mealKind: 'lunch',
          dishes: [
            { name: '红烧肉套餐', kind: 'set_meal', priceFen: 1500, tags: [], allergens: [], photoUrl: null, photoId: null, dailyQuantity: null },
            { name: '清蒸鱼套餐', kind: 'set_meal', priceFen: 1550, tags: ['low_salt'], allergens: [], photoUrl: null, photoId: null, dailyQuantity: 30 },
          ],
        },
      },
    ]);
  });

  it('上传照片 on a dish: camera or album, the upload, the photo shown; saved by its id; a refused file says why', async () => {
    const fake = createFakeCanteen({ menu: weekMenuOf(today, [today]) });
    const { container, server } = await open(<CanteenMenuPage />, fake);
    click((await findAll(container, '.canteen-meal'))[0]);
    click(await findOne(container, '.canteen-dish__edit'));
    expect(container.querySelector('.canteen-dish-photo__image')).toBeNull();

    imageStub.chosen = [TEXT_FILE];
    fake.nextPhotoError = { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '只能上传 JPG、PNG 或 WebP 照片' };
    click(await findOne(container, '.canteen-dish-photo__upload'));
    expect(await screen.findByText('只能上传 JPG、PNG 或 WebP 照片')).toBeTruthy();

    imageStub.chosen = [JPEG_FILE];
    click(container.querySelector('.canteen-dish-photo__upload'));
    const image = await findOne(container, '.canteen-dish-photo__image');
    expect(image.getAttribute('src')).toBe(`${server.baseUrl}/dish-photos/signed.dish-photo-2`);
    expect(container.querySelector('.canteen-dish-photo__upload')?.textContent).toBe('换一张照片');
    expect(container.querySelector('.canteen-dish-photo__problem')).toBeNull();
    click(container.querySelector('.canteen-dish-save'));
    await waitFor(() => expect(container.querySelector('.canteen-dish__line')?.textContent).toContain('有照片'));
    click(container.querySelector('.canteen-meal-save'));
    expect(await screen.findByText(/^已保存/)).toBeTruthy();
    expect(fake.writes.map((write) => write.call)).toEqual([
      'POST /meal-points/point-anda/dish-photos',
      'POST /meal-points/point-anda/dish-photos',
      `PUT /meal-points/point-anda/menu/${today}`,
    ]);
    expect(fake.writes[1].body).toEqual({ fields: ['photo'] });
    expect((fake.writes[2].body as { dishes: DishInput[] }).dishes[0]).toMatchObject({ name: '红烧肉套餐', photoId: 'dish-photo-2', photoUrl: null });
  });

  it('closes a day only with a reason and after the confirm that orders will be cancelled and refunded', async () => {
    const fake = createFakeCanteen({ menu: weekMenuOf(today, [today]) });
    const { container, server } = await open(<CanteenMenuPage />, fake);
    click(await findOne(container, '.canteen-day__close'));
    click(await findOne(container, '.canteen-close-submit'));
    expect(await screen.findByText('请写明停餐原因，居民会看到')).toBeTruthy();
    await typeInto(container, '.canteen-close-reason', '厨房检修');
    click(container.querySelector('.canteen-close-submit'));
    const dialog = await findOne(container, '.canteen-close-confirm');
    expect(dialog.textContent).toContain('已下的订单会全部取消');
    expect(dialog.textContent).toContain('钱会退回余额');
    expect(fake.writes).toEqual([]);
    click(dialog.querySelector('.confirm-dialog__confirm'));
    expect(await screen.findByText(`${today} 已停餐，取消订单 3 份（余额支付的已退回）`)).toBeTruthy();
    expect(fake.writes).toEqual([{ call: `POST /meal-points/point-anda/menu/${today}/close`, body: { reason: '厨房检修' } }]);
    await menuReadAgain(server);
  });

  it('publishes the week as shown', async () => {
    const fake = createFakeCanteen({ menu: weekMenuOf(today, [today]) });
    const { container, server } = await open(<CanteenMenuPage />, fake);
    await findAll(container, '.canteen-meal');
    click(container.querySelector('.canteen-publish'));
    expect(await screen.findByText('已发布 2 餐')).toBeTruthy();
    expect((fake.writes[0].body as { meals: unknown[] }).meals).toHaveLength(2);
    await menuReadAgain(server);
  });
});
