import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';

export const notMultipart = () => new DomainError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传照片');

/** No photo came with the upload; `detail` says what was missing, for the developer reading the violation. */
export const photoMissing = (detail: string) => new DomainError('VALIDATION_FAILED', '请选择一张照片', [{ field: 'photo', constraints: ['required'], message: detail }]);

export const photoTooLarge = (maxBytes: number) => new DomainError('PAYLOAD_TOO_LARGE', `照片不能超过 ${maxBytes / (1024 * 1024)} MB`, { maxBytes });

/** `kinds` in words for the person choosing the file, e.g. `JPG、PNG 或 WebP`. */
export const notAPhoto = (kinds: string) => new DomainError('UNSUPPORTED_MEDIA_TYPE', `只能上传 ${kinds} 照片`);

/**
 * The bytes of the one file in the multipart field "photo", read with the multipart parser's own limits, so nothing
 * beyond `maxBytes` is buffered: a larger file is `413 PAYLOAD_TOO_LARGE` with the limit in words. What the bytes
 * are is the caller's check (sniffImageType), never the content type the client sent.
 */
export async function receivePhoto(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart()) throw notMultipart();
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
  if (!file || file.fieldname !== 'photo') throw photoMissing('a file in the field "photo" is required');
  let bytes: Buffer;
  try {
    bytes = await file.toBuffer();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw photoTooLarge(maxBytes);
    throw error;
  }
  if (bytes.length === 0) throw photoMissing('the photo file is empty');
  return bytes;
}
