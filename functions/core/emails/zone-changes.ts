import type { Agency } from '../agencies';
import type { Zone } from '../compliance';
import { escapeHtml, oneLine } from '../format';
import * as LABELS from '../labels';
import type { Language } from '../languages';
import { agencyWords, type RenderedEmail } from './agency-assignment';

export interface ZoneChange {
  agencyId: string;
  name: string;
  from: Zone;
  to: Zone;
  score: number | null;
}

/** The monthly mail to an Ombudsman office, in its desk's language: its province's agencies whose compliance zone moved. */
export function renderZoneChanges(office: Agency, month: string, changes: ZoneChange[], portalUrl: string, language: Language = 'id'): RenderedEmail {
  const say = agencyWords(language);
  const zoneText = (z: Zone) => LABELS.ZONE[z][language].toLowerCase();
  const base = portalUrl.replace(/\/$/, '');
  const subject = oneLine(say('zones.subject', { month, count: changes.length, office: office.name }));
  const line = (c: ZoneChange) => `${c.name}: ${zoneText(c.from)} → ${zoneText(c.to)}${c.score === null ? '' : ` (${say('zones.score', { score: c.score })})`}`;
  const link = (c: ZoneChange) => `${base}/#/kepatuhan/${encodeURIComponent(c.agencyId)}`;
  const greeting = say('greeting', { name: office.name });
  const intro = say('zones.intro', { month });
  const footer = say('zones.footer');
  const text = [greeting, '', intro, '', ...changes.map((c) => `- ${line(c)}\n  ${link(c)}`), '', footer].join('\n');
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<ul>
${changes.map((c) => `<li><a href="${escapeHtml(link(c))}">${escapeHtml(line(c))}</a></li>`).join('\n')}
</ul>
<p style="color:#666">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
