import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/**
 * Photo bytes on disk under UPLOAD_DIR, one file per photo named by its id (never by anything the client sent).
 * Writes go to a temporary name first, so a reader never sees half a file. With several API instances, UPLOAD_DIR
 * must be shared storage (docs/operations.md); an object store would replace this one class. Used by the photos of
 * home-service work (dispatch) and of dishes (meals), each keeping its own table of who may see which photo, and of
 * convenience outlets (the outlet's own photo list is that record).
 */
@Injectable()
export class PhotoStorage {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async save(id: string, bytes: Buffer): Promise<void> {
    await mkdir(this.config.uploadDir, { recursive: true });
    const temporary = join(this.config.uploadDir, `${id}.partial`);
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, this.file(id));
  }

  read(id: string): Promise<Buffer> {
    return readFile(this.file(id));
  }

  async remove(id: string): Promise<void> {
    await rm(this.file(id), { force: true });
  }

  private file(id: string): string {
    return join(this.config.uploadDir, id);
  }
}

export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function imageTypeOf(bytes: Buffer): ImageContentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  // RIFF container (bytes 0–3), then the form type WEBP (bytes 8–11).
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * The image type from the first bytes (the client's content type is not trusted) when it is one of `accepted`;
 * null for anything else.
 */
export function sniffImageType<T extends ImageContentType>(bytes: Buffer, accepted: readonly T[]): T | null {
  const type = imageTypeOf(bytes);
  return type !== null && (accepted as readonly ImageContentType[]).includes(type) ? (type as T) : null;
}
