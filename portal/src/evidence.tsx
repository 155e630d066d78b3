/**
 * Evidence on a complaint's pages: its attachments (list, upload straight to storage, download),
 * the public's "saya juga mengalami ini", and the verifier's likely duplicates.
 */
import { useState } from 'preact/hooks';
import type { DownloadOutput, UploadOutput } from '../../functions/contract/outputs/attachments';
import type { AttachmentShown } from '../../functions/contract/outputs/complaint';
import type { DuplicatesOutput } from '../../functions/contract/outputs/support';
import { ApiError, call } from './api';
import { Problem, useLoad } from './components';
import { t } from './i18n';
import { label, REJECTION_REASON_LABELS } from './labels';

const ACCEPT = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
const MAX_BYTES = 10 * 1024 * 1024;
const STATUS_TEXT: Record<AttachmentShown['status'], string> = {
  PENDING: t('files.status.PENDING'),
  SCANNING: t('files.status.SCANNING'),
  READY: t('files.status.READY'),
  REJECTED: t('files.status.REJECTED'),
  ERASED: t('files.status.ERASED'),
};
const size = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** The files of a complaint as this caller may see them; a download is one deliberate click (staff downloads are audited). */
export function AttachmentList({ items, token, staff }: { items: AttachmentShown[]; token: string | undefined; staff: boolean }) {
  const [error, setError] = useState<ApiError>();
  if (!items.length) return <p class="muted">{t('files.empty')}</p>;
  const download = async (a: AttachmentShown) => {
    setError(undefined);
    try {
      const link = await call<DownloadOutput>(a.downloadUrl as string, { token, staff, fresh: true });
      location.assign(link.url);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <>
      <ul class="list" data-testid="attachments">
        {items.map((a) => (
          <li key={a.id}>
            <strong>{a.fileName}</strong> <span class="muted">({size(a.size)})</span> — {STATUS_TEXT[a.status]}
            {a.internal ? ` · ${t('files.internal')}` : ''}
            {a.reason && <div class="hint">{whyRefused(a)}</div>}
            {a.malwareScan === 'NOT_SCANNED' && (
              <div class="hint" data-testid="not-scanned">
                {t('files.notScanned')}
              </div>
            )}
            {a.downloadUrl && (
              <div>
                <button type="button" class="link" onClick={() => download(a)}>
                  {t('files.download', { name: a.fileName })}
                </button>
                {staff && <span class="hint"> {t('files.audited')}</span>}
              </div>
            )}
          </li>
        ))}
      </ul>
      {error && <Problem error={error} />}
    </>
  );
}

/** One file picked: where it stands, in words (a refusal, or the checker's state until it is final). */
interface Sent {
  name: string;
  attachmentId?: string;
  text: string;
  final: boolean;
}

/** Why a file was refused, in the reader's words. */
const whyRefused = (a: AttachmentShown) => (a.reason ? label(REJECTION_REASON_LABELS, a.reason) : '');

const FINAL: readonly AttachmentShown['status'][] = ['READY', 'REJECTED', 'ERASED'];
const describe = (a: AttachmentShown) => t('files.line', { name: a.fileName, status: `${STATUS_TEXT[a.status]}${a.reason ? ` — ${whyRefused(a)}` : ''}` });

/**
 * Picks photos or documents and sends each straight to storage with the presigned request the
 * API gives (the API never carries the bytes). Each file's line then follows the checker until it
 * is ready or refused (a few seconds), so it never says "being checked" beside a ready file.
 */
export function AttachmentUploader(props: { trackingId: string; token: string | undefined; staff: boolean; onUploaded: () => void }) {
  const [busy, setBusy] = useState(false);
  const [internal, setInternal] = useState(false);
  const [sent, setSent] = useState<Sent[]>([]);
  /** Reads the complaint's files until every sent one is final (at most ~15 s), updating their lines. */
  const follow = async (lines: Sent[]) => {
    let current = lines;
    for (let round = 0; round < 10 && current.some((l) => !l.final); round++) {
      await new Promise((r) => setTimeout(r, round === 0 ? 500 : 1500));
      try {
        const view = await call<{ attachments?: AttachmentShown[] }>(`/v1/complaints/${encodeURIComponent(props.trackingId)}`, {
          token: props.token,
          staff: props.staff,
          fresh: true,
        });
        current = current.map((l) => {
          const a = view.attachments?.find((x) => x.id === l.attachmentId);
          return a && !l.final ? { ...l, text: describe(a), final: FINAL.includes(a.status) } : l;
        });
        setSent(current);
      } catch {
        // The list below still shows each file; the line keeps its last known state.
      }
    }
    props.onUploaded();
  };
  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    const out: Sent[] = [];
    for (const file of Array.from(files)) {
      if (!ACCEPT.includes(file.type)) {
        out.push({ name: file.name, text: t('files.onlyTypes', { name: file.name }), final: true });
        continue;
      }
      if (file.size > MAX_BYTES) {
        out.push({ name: file.name, text: t('files.tooBig', { name: file.name }), final: true });
        continue;
      }
      try {
        const created = await call<UploadOutput>(`/v1/complaints/${encodeURIComponent(props.trackingId)}/attachments`, {
          body: { fileName: file.name, contentType: file.type, size: file.size, ...(internal ? { internal: true } : {}) },
          token: props.token,
          staff: props.staff,
        });
        const res = await fetch(created.upload.url, { method: created.upload.method, headers: created.upload.headers, body: file, credentials: 'omit' });
        out.push(
          res.ok
            ? { name: file.name, attachmentId: created.attachmentId, text: t('files.sent', { name: file.name }), final: false }
            : { name: file.name, text: t('files.storageRefused', { name: file.name, status: res.status }), final: true },
        );
      } catch (e) {
        out.push({ name: file.name, text: `${file.name}: ${e instanceof ApiError ? e.message : t('files.failed')}`, final: true });
      }
    }
    setSent(out);
    setBusy(false);
    await follow(out);
  };
  return (
    <div class="card">
      <label for={`upload-${props.trackingId}`}>{t('files.add')}</label>
      <span class="hint">{t('files.privacyHint')}</span>
      <input
        id={`upload-${props.trackingId}`}
        type="file"
        accept={ACCEPT.join(',')}
        multiple
        disabled={busy}
        onChange={(e) => upload((e.target as HTMLInputElement).files)}
      />
      {props.staff && (
        <div class="choice">
          <input type="checkbox" id={`internal-${props.trackingId}`} checked={internal} onChange={(e) => setInternal((e.target as HTMLInputElement).checked)} />
          <label for={`internal-${props.trackingId}`}>{t('files.internalChoice')}</label>
        </div>
      )}
      <div role="status" data-testid="upload-status">
        {sent.length > 0 && (
          <ul>
            {sent.map((l, i) => (
              <li key={`${l.name}-${i}`}>{l.text}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** After an upload is final: the page's list of files, read again. */
export function refreshSoon(setView: (v: undefined) => void, reload: () => void) {
  setView(undefined);
  reload();
}

const DEVICE_KEY = 'aduan.device';
/** A random token this browser keeps for itself: what makes a support one per device (never who). */
function deviceToken(): string {
  let t = localStorage.getItem(DEVICE_KEY);
  if (!t) {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    t = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    localStorage.setItem(DEVICE_KEY, t);
  }
  return t;
}

/** "Saya juga mengalami ini": a count, and one support from this device. */
export function SupportButton({ trackingId, initial }: { trackingId: string; initial: { supporters: number; duplicates: number } }) {
  const [count, setCount] = useState(initial);
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<ApiError>();
  const support = async () => {
    setState('busy');
    setError(undefined);
    try {
      const res = await fetch(`/v1/complaints/${encodeURIComponent(trackingId)}/support`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-device-token': deviceToken() },
        body: '{}',
        credentials: 'omit',
      });
      const body = (await res.json()) as { supporters?: number; duplicates?: number; title?: string; detail?: string };
      if (!res.ok) throw new ApiError(res.status, body.title ?? t('common.error'), body.detail ?? t('support.retry'));
      setCount({ supporters: body.supporters ?? count.supporters, duplicates: body.duplicates ?? count.duplicates });
      setState('done');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, t('network.title'), t('network.detail')));
      setState('idle');
    }
  };
  const total = count.supporters + count.duplicates;
  return (
    <div class="card">
      <p data-testid="support-count">
        {t('support.count', { count: total })}
        {count.duplicates ? ` ${t('support.merged', { count: count.duplicates })}` : ''}.
      </p>
      {state === 'done' ? (
        <p role="status">{t('support.thanks')}</p>
      ) : (
        <button type="button" onClick={support} disabled={state === 'busy'}>
          {t('support.button')}
        </button>
      )}
      {error && <Problem error={error} />}
    </div>
  );
}

/** For the verifier: likely duplicates of this complaint, each with why, and a merge that archives this one into it. */
export function DuplicateSuggestions({ trackingId, token, onMerged }: { trackingId: string; token: string; onMerged: (view: unknown) => void }) {
  const loaded = useLoad(() => call<DuplicatesOutput>(`/v1/complaints/${encodeURIComponent(trackingId)}/duplicates`, { token, staff: true }), [trackingId]);
  const [error, setError] = useState<ApiError>();
  if (loaded.loading || !loaded.data?.items.length) return null;
  const merge = async (into: string) => {
    // One click must not archive the wrong report: the two numbers are named before it happens.
    if (!confirm(t('duplicates.confirm', { id: trackingId, into }))) return;
    setError(undefined);
    try {
      onMerged(
        await call(`/v1/complaints/${encodeURIComponent(trackingId)}/actions`, {
          body: { action: 'ARCHIVE', reason: 'DUPLICATE', duplicateOf: into },
          token,
          staff: true,
        }),
      );
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <section aria-labelledby="dup-title" class="card">
      <h2 id="dup-title">{t('duplicates.title')}</h2>
      <ul class="list" data-testid="duplicates">
        {loaded.data.items.map((d) => (
          <li key={d.trackingId}>
            <a href={`#/petugas/kasus/${d.trackingId}`}>{d.title}</a> <span class="muted">({d.trackingId})</span>
            <div class="hint">{t('duplicates.similarity', { percent: Math.round(d.score * 100), reasons: d.reasons.join(', ') })}</div>
            <button type="button" class="secondary" onClick={() => merge(d.trackingId)}>
              {t('duplicates.merge', { id: trackingId, into: d.trackingId })}
            </button>
          </li>
        ))}
      </ul>
      {error && <Problem error={error} />}
    </section>
  );
}
