/**
 * A QR code drawn as SVG (qr.ts): no image request, no inline markup string, nothing the page's
 * CSP has to allow.
 */
import { qrPath } from './qr';

export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = qrPath(text);
  return (
    <svg class="qr" viewBox={`0 0 ${size} ${size}`} width="220" height="220" role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
