import { useState } from 'preact/hooks';
import type { SubmissionOutput } from '../../../functions/contract/outputs/submission';
import { PageTitle } from '../components';
import { AttachmentUploader } from '../evidence';
import { t } from '../i18n';
import { STATUS_LABELS } from '../labels';

/** What the submission answers, as the API declares it (types only). */
export type Receipt = SubmissionOutput;

/** Shown once, right after sending: the tracking number and the token, with ways to keep them. */
export function SubmittedPage({ receipt }: { receipt: Receipt | undefined }) {
  const [copied, setCopied] = useState('');
  if (!receipt) {
    return (
      <>
        <PageTitle title={t('submitted.title')}>{t('submitted.title')}</PageTitle>
        <p>
          {t('submitted.onlyOnce')} <a href="#/lacak">{t('submitted.trackLink')}</a>.
        </p>
      </>
    );
  }
  const personalLink = `${location.origin}/#/lacak/${encodeURIComponent(receipt.trackingId)}/${encodeURIComponent(receipt.accessToken)}`;
  const note = [
    t('submitted.noteTitle'),
    t('submitted.noteNumber', { value: receipt.trackingId }),
    t('submitted.noteToken', { value: receipt.accessToken }),
    t('submitted.noteLink', { value: personalLink }),
    '',
    t('submitted.noteKeep'),
    '',
  ].join('\n');
  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied('');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([note], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `aduan-${receipt.trackingId}.txt`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <>
      <PageTitle title={t('submitted.title')}>{t('submitted.title')}</PageTitle>
      <div class="notice" role="status">
        {t('submitted.thanks')} <strong>{STATUS_LABELS[receipt.status]}</strong>.
      </div>
      <div class="card">
        <h2>{t('submitted.keepTitle')}</h2>
        <p>{t('submitted.keepWhy')}</p>
        <dl class="facts">
          <dt>{t('submitted.number')}</dt>
          <dd>
            <span class="secret" data-testid="tracking-id">
              {receipt.trackingId}
            </span>
          </dd>
          <dt>{t('submitted.token')}</dt>
          <dd>
            <span class="secret" data-testid="access-token">
              {receipt.accessToken}
            </span>
          </dd>
        </dl>
        <div class="actions-row">
          <button type="button" onClick={() => copy('token', `${receipt.trackingId} ${receipt.accessToken}`)}>
            {t('submitted.copy')}
          </button>
          <button type="button" class="secondary" onClick={() => copy('link', personalLink)}>
            {t('submitted.copyLink')}
          </button>
          <button type="button" class="secondary" onClick={download}>
            {t('submitted.download')}
          </button>
        </div>
        <p role="status" class="muted">
          {copied === 'token' ? t('submitted.copied') : copied === 'link' ? t('submitted.copiedLink') : ''}
        </p>
        <p class="hint">{t('submitted.linkHint')}</p>
        <a class="button" href={`#/lacak/${encodeURIComponent(receipt.trackingId)}/${encodeURIComponent(receipt.accessToken)}`}>
          {t('submitted.open')}
        </a>
      </div>
      <h2>{t('submitted.attachTitle')}</h2>
      <p>{t('submitted.attachWhy')}</p>
      <AttachmentUploader trackingId={receipt.trackingId} token={receipt.accessToken} staff={false} onUploaded={() => undefined} />
    </>
  );
}
