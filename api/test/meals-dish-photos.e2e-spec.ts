import { addDays, type LoginResponse, type MealPointView } from '@linli/shared';
import { issueSignedReference } from '../src/common/security/signed-reference';
import { DishPhoto } from '../src/modules/meals/dish-photo.entity';
import { createMealPoint, dish, registerCanteen, tomorrow } from './support/meals';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1500, 7)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0xf4, 0x01, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(500, 2)]);

/** Dish photos: uploaded by those who run the meal point, checked by their first bytes and size, shown on menus by signed path. */
describe('dish photos', () => {
  let t: TestApp;
  let canteen: LoginResponse;
  let point: MealPointView;

  const upload = (login: LoginResponse, mealPointId: string, bytes: Buffer, field = 'photo') =>
    t.http().post(`/api/meal-points/${mealPointId}/dish-photos`).set(bearer(login)).attach(field, bytes, { filename: 'dish.jpg', contentType: 'image/jpeg' });

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
    const registered = await registerCanteen(t);
    canteen = registered.canteen;
    point = await createMealPoint(t, canteen, registered.providerId);
  });
  afterAll(() => t.close());

  it('takes JPEG, PNG and WebP from the canteen and the staff of its region, and serves each by its signed path', async () => {
    const anda = await loginWithPassword(t, 'anda.staff');
    for (const [login, bytes, contentType] of [
      [canteen, JPEG, 'image/jpeg'],
      [canteen, PNG, 'image/png'],
      [anda, WEBP, 'image/webp'],
    ] as const) {
      const uploaded = await upload(login, point.id, bytes).expect(201);
      expect(uploaded.body.path).toMatch(/^\/dish-photos\//);
      const image = await t.http().get(`/api${uploaded.body.path}`).expect(200);
      expect(image.headers['content-type']).toBe(contentType);
      expect(image.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(image.body as Buffer, bytes)).toBe(0);
      expect(await t.dataSource.getRepository(DishPhoto).findOneByOrFail({ id: uploaded.body.id })).toMatchObject({ mealPointId: point.id, contentType, sizeBytes: bytes.length });
    }
  });

  it('refuses other files, oversize photos, a missing photo and JSON, each with the error body; stores nothing', async () => {
    const before = await t.dataSource.getRepository(DishPhoto).count();
    const gif = await upload(canteen, point.id, Buffer.from('GIF89a not a dish photo')).expect(415);
    expect(gif.body).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '只能上传 JPG、PNG 或 WebP 照片', requestId: expect.any(String) });
    const large = await upload(canteen, point.id, Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024)])).expect(413);
    expect(large.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '照片不能超过 2 MB', details: { maxBytes: 2 * 1024 * 1024 }, requestId: expect.any(String) });
    const wrongField = await upload(canteen, point.id, JPEG, 'picture').expect(400);
    expect(wrongField.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'photo' }] });
    await upload(canteen, point.id, Buffer.alloc(0)).expect(400);
    const json = await t.http().post(`/api/meal-points/${point.id}/dish-photos`).set(bearer(canteen)).send({ photo: 'base64?' }).expect(415);
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await t.dataSource.getRepository(DishPhoto).count()).toBe(before);
  });

  it('is 404 for another canteen and for staff of another district, 403 for residents; forged, expired or other-purpose paths are 404', async () => {
    const other = await registerCanteen(t, 'other.canteen');
    await upload(other.canteen, point.id, JPEG).expect(404);
    await upload(await loginWithPassword(t, 'nanping.staff'), point.id, JPEG).expect(404);
    await upload(await loginWithWechat(t, 'demo-openid-li-ming'), point.id, JPEG).expect(403);
    await upload(canteen, '00000000-0000-4000-8000-000000000000', JPEG).expect(404);

    const uploaded = await upload(canteen, point.id, JPEG).expect(201);
    const reference = (uploaded.body.path as string).split('/').pop()!;
    await t
      .http()
      .get(`/api/dish-photos/${reference.slice(0, -2)}xx`)
      .expect(404);
    const expired = issueSignedReference(t.config.secrets.jwtSecret, 'dish-photos', uploaded.body.id, new Date(Date.now() - 1000));
    await t.http().get(`/api/dish-photos/${expired}`).expect(404);
    const forOrderPhotos = issueSignedReference(t.config.secrets.jwtSecret, 'order-photos', uploaded.body.id, new Date(Date.now() + 60_000));
    await t.http().get(`/api/dish-photos/${forOrderPhotos}`).expect(404);
    await t.http().get('/api/dish-photos/not-a-reference').expect(404);
  });

  it('menus name the photo by photoId and show its signed path; republishing and copying a week keep it; another point’s photo is refused', async () => {
    const photo = (await upload(canteen, point.id, PNG).expect(201)).body as { id: string };
    const date = tomorrow();
    await t
      .http()
      .put(`/api/meal-points/${point.id}/menu`)
      .set(bearer(canteen))
      .send({
        meals: [
          {
            mealDate: date,
            mealKind: 'lunch',
            dishes: [dish({ photoId: photo.id, photoUrl: 'https://img.example.com/ignored.jpg' }), dish({ name: '清蒸鲈鱼', photoUrl: 'https://img.example.com/fish.jpg' })],
          },
        ],
      })
      .expect(200);

    const li = await loginWithWechat(t, 'demo-openid-li-ming');
    const menuOn = async (day: string) => (await t.http().get(`/api/meal-points/${point.id}/menu?from=${day}&to=${day}`).set(bearer(li)).expect(200)).body.meals[0].dishes;
    const [withPhoto, withUrl] = await menuOn(date);
    expect(withPhoto).toMatchObject({ photoId: photo.id, photoUrl: expect.stringMatching(/^\/dish-photos\//) });
    expect(withUrl).toMatchObject({ photoId: null, photoUrl: 'https://img.example.com/fish.jpg' });
    const image = await t.http().get(`/api${withPhoto.photoUrl}`).expect(200);
    expect(image.headers['content-type']).toBe('image/png');

    // The editor sends back what it read: photoId, and the signed path as photoUrl is not an https URL, so it sends null.
    await t
      .http()
      .put(`/api/meal-points/${point.id}/menu/${date}`)
      .set(bearer(canteen))
      .send({ mealKind: 'lunch', dishes: [dish({ photoId: photo.id, priceFen: 1600 })] })
      .expect(200)
      .expect((r) => expect(r.body.dishes[0]).toMatchObject({ photoId: photo.id, priceFen: 1600 }));
    await t
      .http()
      .post(`/api/meal-points/${point.id}/menu/copy-last-week`)
      .set(bearer(canteen))
      .send({ fromDate: addDays(date, 7) })
      .expect(200);
    expect((await menuOn(addDays(date, 7)))[0]).toMatchObject({ photoId: photo.id, photoUrl: expect.stringMatching(/^\/dish-photos\//) });

    const other = await registerCanteen(t, 'third.canteen');
    const otherPoint = await createMealPoint(t, other.canteen, other.providerId);
    const foreign = await t
      .http()
      .put(`/api/meal-points/${otherPoint.id}/menu`)
      .set(bearer(other.canteen))
      .send({ meals: [{ mealDate: date, mealKind: 'dinner', dishes: [dish(), dish({ name: '借来的照片', photoId: photo.id })] }] })
      .expect(400);
    expect(foreign.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'meals.0.dishes.1.photoId', constraints: ['dishPhoto'] }] });
    await t
      .http()
      .put(`/api/meal-points/${otherPoint.id}/menu/${date}`)
      .set(bearer(other.canteen))
      .send({ mealKind: 'lunch', dishes: [dish({ photoId: '00000000-0000-4000-8000-000000000000' })] })
      .expect(400)
      .expect((r) => expect(r.body.details[0].field).toBe('dishes.0.photoId'));
  });
});
