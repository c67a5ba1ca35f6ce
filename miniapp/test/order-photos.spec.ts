import { ApiError } from '../src/services/api-error';
import { photoUrl, uploadOrderPhoto } from '../src/services/order-photos';
import { PHOTO_MESSAGES } from '../src/texts/photo-messages';
import { readSession } from '../src/storage/token-storage';
import { createFakeApi, signInTo } from './support/fake-api';
import { createFakeDispatch, dispatchRoutes, orderOf } from './support/fake-dispatch';
import { failureOf } from './support/failure';
import { sendJson } from './support/fixture-server';
import { JPEG_BYTES, JPEG_FILE, TEXT_FILE } from './support/photos';
import { residentAccount } from './support/people';
import { servePerTest } from './support/serve';

import type { FakeApi } from './support/fake-api';
import type { FakeDispatch } from './support/fake-dispatch';
import type { FixtureServer } from './support/fixture-server';

const serveRoutes = servePerTest();

const workerAccount = residentAccount({ id: 'account-zhao', role: 'worker', displayName: '赵师傅', residentId: null, providerId: 'provider-anxin' });

async function serveWorker(fake: FakeDispatch, api: FakeApi = createFakeApi({ account: workerAccount })): Promise<FixtureServer> {
  signInTo(api);
  return serveRoutes({
    ...dispatchRoutes(api, fake),
    '/auth/refresh': (_req, res) => {
      api.accessToken = 'access-2';
      api.refreshToken = 'refresh-2';
      sendJson(res, 200, { accessToken: 'access-2', refreshToken: 'refresh-2' });
    },
  });
}

describe('uploadOrderPhoto (multipart through the request layer)', () => {
  it('sends the file in the field "photo" with the bearer token and resolves with {id, path}; the path loads the image', async () => {
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'order-5', status: 'in_service' })] });
    const server = await serveWorker(fake);

    const photo = await uploadOrderPhoto('order-5', JPEG_FILE);

    expect(photo).toEqual({ id: expect.any(String), path: `/order-photos/signed.${photo.id}` });
    const sent = server.requests.at(-1)!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/api/worker/orders/order-5/photos');
    expect(sent.headers.authorization).toBe('Bearer access-1');
    expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(fake.writes).toEqual([{ call: 'POST /worker/orders/order-5/photos', body: { fields: ['photo'], bytes: JPEG_BYTES.length } }]);
    expect(fake.orders[0].photos).toEqual([photo]);

    const url = photoUrl(photo);
    expect(url).toBe(`${server.baseUrl}/order-photos/signed.${photo.id}`);
    const image = await new Promise<{ status: number; type: string | null; bytes: number }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.responseType = 'arraybuffer';
      xhr.onload = () => resolve({ status: xhr.status, type: xhr.getResponseHeader('content-type'), bytes: (xhr.response as ArrayBuffer).byteLength });
      xhr.onerror = reject;
      xhr.send();
    });
    expect(image).toEqual({ status: 200, type: 'image/jpeg', bytes: JPEG_BYTES.length });
  });

  it('says 只能上传 JPG 或 PNG 照片 for a file that is not an image (415)', async () => {
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'order-5', status: 'in_service' })] });
    await serveWorker(fake);

    const error = await failureOf(uploadOrderPhoto('order-5', TEXT_FILE));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, message: '只能上传 JPG 或 PNG 照片' });
    expect(fake.orders[0].photos).toEqual([]);
  });

  it('says 照片太大（不超过 2 MB） for a 413, from the API or from a gateway page in front of it', async () => {
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'order-5', status: 'in_service' })] });
    await serveWorker(fake);

    fake.next.photo = { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' };
    expect(await failureOf(uploadOrderPhoto('order-5', JPEG_FILE))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, message: PHOTO_MESSAGES.TOO_LARGE });

    fake.next.photo = { status: 413, code: 'GATEWAY_HTML' };
    expect(await failureOf(uploadOrderPhoto('order-5', JPEG_FILE))).toMatchObject({ code: 'BAD_RESPONSE', status: 413, message: '照片太大（不超过 2 MB）' });
  });

  it('says 每个订单最多 6 张照片 once there are six (409 CONFLICT)', async () => {
    const six = Array.from({ length: 6 }, (_, index) => ({ id: `p${index}`, path: `/order-photos/signed.p${index}` }));
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'order-5', status: 'completed', photos: six })] });
    await serveWorker(fake);

    expect(await failureOf(uploadOrderPhoto('order-5', JPEG_FILE))).toMatchObject({ code: 'CONFLICT', status: 409, message: '每个订单最多 6 张照片' });
  });

  it('renews an expired access token once and sends the file again', async () => {
    const fake = createFakeDispatch({ orders: [orderOf({ id: 'order-5', status: 'in_service' })] });
    const api = createFakeApi({ account: workerAccount });
    signInTo(api);
    api.accessToken = 'access-rotated-away';
    const server = await serveRoutes({
      ...dispatchRoutes(api, fake),
      '/auth/refresh': (_req, res) => {
        api.accessToken = 'access-2';
        sendJson(res, 200, { accessToken: 'access-2', refreshToken: 'refresh-2' });
      },
    });

    const photo = await uploadOrderPhoto('order-5', JPEG_FILE);

    expect(fake.orders[0].photos).toEqual([photo]);
    expect(server.requests.map((req) => `${req.method} ${req.url} ${req.headers.authorization ?? '-'}`)).toEqual([
      'POST /api/worker/orders/order-5/photos Bearer access-1',
      'POST /api/auth/refresh -',
      'POST /api/worker/orders/order-5/photos Bearer access-2',
    ]);
    expect(readSession()?.accessToken).toBe('access-2');
  });
});
