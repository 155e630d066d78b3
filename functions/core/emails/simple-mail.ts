import { escapeHtml, oneLine, plainText, quoted } from '../format';
import { type Language, message } from '../labels';
import type { RenderedEmail } from './agency-assignment';

/** A short mail of paragraphs (and a quoted message), as text and HTML, in one language. */
export function simpleMail(language: Language, subject: string, greeting: string, paragraphs: string[], quote?: string): RenderedEmail {
  const cleanSubject = oneLine(subject);
  const footer = message(language, 'mail', 'footer');
  const text = [greeting, '', ...paragraphs.flatMap((p) => [plainText(p), '']), ...(quote ? [quoted(quote), ''] : []), footer].join('\n');
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(cleanSubject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${quote ? `<blockquote style="white-space:pre-wrap;border-left:3px solid #ccc;padding-left:8px">${escapeHtml(quote)}</blockquote>` : ''}
<p style="color:#666">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject: cleanSubject, text, html };
}
