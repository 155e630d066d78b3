/**
 * What the system and people wrote on a complaint's record, as the portal shows it: the timeline,
 * and a sentence the system wrote (an entry, an indicator, advice) in the reader's language.
 */
import type { ComplaintViewOutput } from '../../functions/contract/outputs/complaint';
import { type KeyedText, recordSentence, t } from './i18n';
import { EVENT_LABELS, formatDateTime, label } from './labels';

/**
 * A sentence the system wrote (a timeline entry, an indicator, advice): in the page's language
 * where this portal knows its key, else as the record holds it, in Indonesian, marked so.
 */
export function SystemSentence({
  as: Tag = 'p',
  text,
  indonesian,
  class: className,
}: {
  as?: 'p' | 'dd' | 'li';
  text: KeyedText;
  indonesian: string;
  class?: string;
}) {
  const translated = recordSentence(text);
  return (
    <Tag class={className} lang={translated ? undefined : 'id'}>
      {translated ?? indonesian}
    </Tag>
  );
}

/**
 * An entry's words: a sentence the system wrote, in the reader's language; a person's own words as
 * they wrote them; and an older entry, kept before the system's sentences had keys, in the
 * Indonesian it was written in, marked so.
 */
function EntryMessage({ entry }: { entry: TimelineEntry }) {
  if (entry.text) return <SystemSentence class="message" text={entry.text} indonesian={entry.message} />;
  if (!entry.message) return null;
  return (
    <p class="message" lang={PERSON_WRITTEN.has(entry.type) ? undefined : 'id'}>
      {entry.message}
    </p>
  );
}
/** Entries whose message is a person's own words (in whatever language they wrote). */
const PERSON_WRITTEN = new Set<string>(['RESPONDED', 'REPLIED', 'COMMENTED', 'REOPENED']);

/** An entry as the caller's view has it: staff entries also say who acted and for whom it was written. */
export type TimelineEntry = ComplaintViewOutput['timeline'][number];

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (!entries.length) return <p class="muted">{t('timeline.empty')}</p>;
  // Newest first: what happened last is what a reader looks for.
  return (
    <ol class="timeline">
      {[...entries].reverse().map((e, i) => (
        <li key={`${e.at}-${i}`}>
          <strong>{label(EVENT_LABELS, e.type)}</strong>
          {'visibility' in e && e.visibility === 'INTERNAL' && <span class="badge open"> {t('timeline.internal')}</span>}
          <div class="when">
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            {e.agency ? ` · ${e.agency.name}` : ''}
            {'actor' in e && e.actor.kind === 'STAFF' && e.actor.id ? ` · ${e.actor.id}` : ''}
          </div>
          <EntryMessage entry={e} />
        </li>
      ))}
    </ol>
  );
}
