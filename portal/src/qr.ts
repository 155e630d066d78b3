import { encode } from 'uqr';

/** A QR code's dark modules as one SVG path of unit squares, in a `size`×`size` box (quiet zone included). */
export function qrPath(text: string): { size: number; path: string } {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  return { size, path: data.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x} ${y}h1v1h-1z`] : []))).join('') };
}
