import { IMAGE_CONTENT_TYPES, sniffImageType } from './photo-storage';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const WAVE = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WAVEfmt ')]);
const GIF = Buffer.from('GIF89a');

describe('sniffImageType', () => {
  it.each([
    ['JPEG', JPEG, IMAGE_CONTENT_TYPES, 'image/jpeg'],
    ['PNG', PNG, IMAGE_CONTENT_TYPES, 'image/png'],
    ['WebP', WEBP, IMAGE_CONTENT_TYPES, 'image/webp'],
    ['WebP where only JPEG and PNG are taken', WEBP, ['image/jpeg', 'image/png'] as const, null],
    ['a RIFF file that is not WebP', WAVE, IMAGE_CONTENT_TYPES, null],
    ['GIF', GIF, IMAGE_CONTENT_TYPES, null],
    ['a truncated PNG signature', PNG.subarray(0, 7), IMAGE_CONTENT_TYPES, null],
    ['nothing', Buffer.alloc(0), IMAGE_CONTENT_TYPES, null],
  ])('%s', (_name, bytes, accepted, expected) => {
    expect(sniffImageType(bytes, accepted)).toBe(expected);
  });
});
