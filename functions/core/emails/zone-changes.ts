import type { Agency } from '../agencies';
import type { Zone } from '../compliance';
import { escapeHtml, oneLine } from '../format';
import * as LABELS from '../labels';
import type { RenderedEmail } from './agency-assignment';

const zoneText = (z: Zone) => LABELS.ZONE[z].id.toLowerCase();

export interface ZoneChange {
  agencyId: string;
  name: string;
  from: Zone;
  to: Zone;
  score: number | null;
}

/** The monthly mail to an Ombudsman office: its province's agencies whose compliance zone moved. */
export function renderZoneChanges(office: Agency, month: string, changes: ZoneChange[], portalUrl: string): RenderedEmail {
  const base = portalUrl.replace(/\/$/, '');
  const subject = oneLine(`[Aduan] Perubahan zona kepatuhan ${month}: ${changes.length} instansi — ${office.name}`);
  const line = (c: ZoneChange) => `${c.name}: ${zoneText(c.from)} → ${zoneText(c.to)}${c.score === null ? '' : ` (skor ${c.score})`}`;
  const link = (c: ZoneChange) => `${base}/#/kepatuhan/${encodeURIComponent(c.agencyId)}`;
  const intro = `Instansi di wilayah Anda yang zona kepatuhannya berubah pada ${month} dibanding bulan sebelumnya:`;
  const footer = 'Email ini dikirim otomatis oleh sistem Aduan sekali sebulan. Mohon tidak membalas email ini.';
  const text = [`Yth. ${office.name},`, '', intro, '', ...changes.map((c) => `- ${line(c)}\n  ${link(c)}`), '', footer].join('\n');
  const html = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">
<p>Yth. ${escapeHtml(office.name)},</p>
<p>${escapeHtml(intro)}</p>
<ul>
${changes.map((c) => `<li><a href="${escapeHtml(link(c))}">${escapeHtml(line(c))}</a></li>`).join('\n')}
</ul>
<p style="color:#666">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
