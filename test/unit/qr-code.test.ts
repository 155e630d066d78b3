/**
 * The authenticator's QR code the portal draws at first sign-in (issue 21) is one a camera reads:
 * the same path, rasterised by sharp as a browser would, decoded by jsQR back to the otpauth link.
 */
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { qrPath } from '../../portal/src/qr';

describe('the enrolment QR code', () => {
  it('decodes to the otpauth link it was drawn from', async () => {
    const uri = 'otpauth://totp/Aduan:admin-badung-baru?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Aduan';
    const { size, path } = qrPath(uri);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="330" height="330" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const read = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    expect(read?.data).toBe(uri);
  });
});
