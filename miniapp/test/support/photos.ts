/** The first bytes of a JPEG (what the API sniffs), then some body: a stand-in for a photo from the camera. */
export const JPEG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF-fixture-photo')]);

/**
 * A chosen file as Taro H5 hands it over: a URL its uploadFile reads with XHR. A browser gives a `blob:` URL; jsdom
 * has no URL.createObjectURL, and a `data:` URL takes the same path through Taro's code.
 */
export const JPEG_FILE = `data:image/jpeg;base64,${JPEG_BYTES.toString('base64')}`;
export const TEXT_FILE = `data:text/plain;base64,${Buffer.from('not a photo').toString('base64')}`;
