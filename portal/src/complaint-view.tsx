import type { ComponentChildren } from 'preact';
import type { ComplaintViewOutput } from '../../functions/contract/outputs/complaint';
import { DeadlineFacts, StatusBadge, serviceName, useCategoryName } from './components';
import { t } from './i18n';
import { formatDate, formatDateTime, INDICATOR_LABELS, label, REVIEW_REASON_LABELS, STAGE_LABELS, STATUS_LABELS, TYPE_LABELS } from './labels';
import { SystemSentence, Timeline } from './record';

/** The complaint as the API shows it to this caller (public, reporter or staff view: `view` says which). */
export type ComplaintView = ComplaintViewOutput;

const REVIEW_STATUSES = ['OPEN', 'TAKEN_OVER', 'RETURNED', 'DISMISSED'] as const;
const reviewStatus = (s: string) => ((REVIEW_STATUSES as readonly string[]).includes(s) ? t(`view.reviewStatus.${s as (typeof REVIEW_STATUSES)[number]}`) : s);

export function ComplaintDetails({ c, identity }: { c: ComplaintView; identity?: ComponentChildren }) {
  // What the reporter and staff see (the public view has none of it), and what staff alone see.
  const own = c.view === 'PUBLIC' ? undefined : c;
  const staff = c.view === 'STAFF' ? c : undefined;
  const categoryOf = useCategoryName();
  return (
    <>
      <p>
        <StatusBadge status={c.status} labelText={label(STATUS_LABELS, c.status)} /> <span class="muted">{label(TYPE_LABELS, c.type)}</span>
      </p>
      <dl class="facts card">
        <dt>{t('view.number')}</dt>
        <dd>{c.trackingId}</dd>
        <dt>{t('view.category')}</dt>
        <dd>{categoryOf(c.category)}</dd>
        {c.service && (
          <>
            <dt>{t('view.service')}</dt>
            <dd>
              <a href={`#/layanan/${encodeURIComponent(c.service.id)}`}>{serviceName(c.service)}</a>
              {c.service.decreeNumber ? ` (${t('view.standardVersion', { version: c.service.version ?? '', decree: c.service.decreeNumber })})` : ''}
            </dd>
          </>
        )}
        <dt>{t('view.agency')}</dt>
        <dd>{c.assignedAgency ? c.assignedAgency.name : t('view.notAssigned')}</dd>
        <DeadlineFacts deadline={c.deadline} status={c.status} />
        {c.escalationLevel > 0 && (
          <>
            <dt>{t('view.escalation')}</dt>
            <dd>
              {t('view.escalationLevel', { level: c.escalationLevel })}
              {staff?.escalatedTo.length ? ` — ${staff.escalatedTo.map((a) => a.name).join(', ')}` : ''}
            </dd>
          </>
        )}
        {c.ombudsmanReview && (
          <>
            <dt>{t('view.ombudsman')}</dt>
            <dd>
              {c.ombudsmanReview.office.name}: {reviewStatus(c.ombudsmanReview.status)} (
              {c.ombudsmanReview.reasons.map((r) => label(REVIEW_REASON_LABELS, r)).join('; ')})
            </dd>
          </>
        )}
        <dt>{t('view.received')}</dt>
        <dd>
          <time dateTime={c.submittedAt}>{formatDateTime(c.submittedAt)}</time>
        </dd>
        {c.incidentDate && (
          <>
            <dt>{t('view.incidentDate')}</dt>
            <dd>{formatDate(c.incidentDate)}</dd>
          </>
        )}
        <dt>{t('view.region')}</dt>
        <dd>
          {c.region.name}
          {c.location.address ? ` — ${c.location.address}` : ''}
        </dd>
        {own && (
          <>
            <dt>{t('view.privacy')}</dt>
            <dd>{[own.anonymous ? t('view.anonymous') : t('view.notAnonymous'), own.confidential ? t('view.confidential') : t('view.public')].join(', ')}</dd>
          </>
        )}
        {identity}
        {c.rating && (
          <>
            <dt>{t('view.rating')}</dt>
            <dd>
              {t('view.ratingScore', { score: c.rating.score })}
              {/* The reporter and staff read the comment too; the public view carries the score only. */}
              {'comment' in c.rating && c.rating.comment && <q class="rating-comment">{c.rating.comment}</q>}
            </dd>
          </>
        )}
      </dl>
      {own?.hold && (
        <div class="notice warn">
          <strong>{t('view.verifierQuestion')}</strong> {own.hold.question}
        </div>
      )}
      {own && own.indicators.length > 0 && (
        <section aria-labelledby="indicators-title">
          <h2 id="indicators-title">{t('view.indicators')}</h2>
          <ul class="list">
            {own.indicators.map((i) => (
              <li key={i.kind}>
                <strong>{label(INDICATOR_LABELS, i.kind)}</strong>
                <dl class="facts">
                  <dt>{t('view.standard')}</dt>
                  <SystemSentence as="dd" text={i.text?.standard} indonesian={i.standard} />
                  <dt>{t('view.reported')}</dt>
                  <SystemSentence as="dd" text={i.text?.reported} indonesian={i.reported} />
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t('view.story')}</h2>
      <p class="card message">{c.description}</p>
      {c.transfers.length > 0 && (
        <>
          <h2>{t('view.transfers')}</h2>
          <ul>
            {c.transfers.map((t) => (
              <li key={t.at}>
                {t.from.name}: {t.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {staff && staff.misses.length > 0 && (
        <>
          <h2>{t('view.misses')}</h2>
          <ul>
            {staff.misses.map((m) => (
              <li key={`${m.stage}-${m.dueAt}`}>
                {m.agency.name}: {t('view.missed', { stage: label(STAGE_LABELS, m.stage) })} ({formatDateTime(m.dueAt)})
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('view.history')}</h2>
      <Timeline entries={c.timeline} />
    </>
  );
}
