import { useState } from 'preact/hooks';
import { ApiError, call } from './api';
import { ErrorSummary, Field } from './components';
import { ACTION_LABELS, ARCHIVE_REASON_LABELS, label } from './labels';

/** One input of an action, by the API's field name. */
type ActionField =
  | { name: string; label: string; kind: 'textarea' | 'text'; required?: boolean; hint?: string }
  | { name: string; label: string; kind: 'select'; options: [string, string][]; required?: boolean }
  | { name: string; label: string; kind: 'checkbox'; hint?: string }
  | { name: string; label: string; kind: 'number'; min: number; max: number; required?: boolean }
  | { name: string; label: string; kind: 'agency'; required?: boolean; hint?: string }
  | { name: string; label: string; kind: 'yesno'; hint?: string };

/**
 * What each action of the state machine asks for, in the words of the person doing it. The
 * API decides which actions a caller may take (`allowedActions`); this only draws them.
 */
const ACTION_FIELDS: Record<string, ActionField[]> = {
  VERIFY: [
    {
      name: 'agencyId',
      label: 'Instansi tujuan',
      kind: 'agency',
      required: true,
      hint: 'Usulan sistem sudah terisi. Untuk instansi lain, ketik sebagian namanya lalu pilih dari daftar.',
    },
  ],
  HOLD: [{ name: 'question', label: 'Pertanyaan untuk pelapor', kind: 'textarea', required: true }],
  ARCHIVE: [
    {
      name: 'reason',
      label: 'Alasan',
      kind: 'select',
      required: true,
      options: (['NOT_ACTIONABLE', 'OUT_OF_SCOPE', 'DUPLICATE', 'ABUSIVE'] as const).map((r) => [r, label(ARCHIVE_REASON_LABELS, r)]),
    },
    { name: 'duplicateOf', label: 'Nomor laporan asli (jika duplikat)', kind: 'text' },
    { name: 'note', label: 'Catatan', kind: 'textarea' },
  ],
  ACKNOWLEDGE: [],
  RESPOND: [{ name: 'message', label: 'Tindak lanjut untuk pelapor', kind: 'textarea', required: true }],
  TRANSFER: [
    { name: 'reason', label: 'Mengapa bukan wewenang instansi ini', kind: 'textarea', required: true },
    { name: 'suggestedAgencyId', label: 'Instansi yang berwenang (jika tahu)', kind: 'agency' },
  ],
  COMMENT: [
    { name: 'message', label: 'Catatan', kind: 'textarea', required: true },
    { name: 'internal', label: 'Internal (tidak terlihat oleh pelapor)', kind: 'checkbox' },
  ],
  REPLY: [{ name: 'message', label: 'Balasan Anda', kind: 'textarea', required: true }],
  CONFIRM_RESOLVED: [],
  REOPEN: [{ name: 'message', label: 'Apa yang belum selesai?', kind: 'textarea', required: true }],
  RATE: [
    {
      name: 'score',
      label: 'Nilai (1 buruk – 5 sangat baik)',
      kind: 'select',
      required: true,
      options: [
        ['5', '5 — sangat baik'],
        ['4', '4 — baik'],
        ['3', '3 — cukup'],
        ['2', '2 — kurang'],
        ['1', '1 — buruk'],
      ],
    },
    { name: 'comment', label: 'Komentar (opsional)', kind: 'textarea' },
  ],
  REQUEST_OMBUDSMAN_REVIEW: [
    {
      name: 'consentToShareIdentity',
      label: 'Bolehkah Ombudsman melihat identitas Anda?',
      kind: 'yesno',
      hint: 'Ombudsman dapat memeriksa lebih cepat jika boleh menghubungi Anda. Jika tidak, identitas Anda tetap tersembunyi.',
    },
    { name: 'message', label: 'Pesan untuk Ombudsman (opsional)', kind: 'textarea' },
  ],
  TAKE_OVER: [{ name: 'note', label: 'Catatan (opsional)', kind: 'textarea' }],
  RETURN_TO_AGENCY: [
    { name: 'recommendation', label: 'Saran tindakan korektif', kind: 'textarea', required: true },
    { name: 'workingDays', label: 'Batas waktu (hari kerja)', kind: 'number', min: 1, max: 60, required: true },
  ],
  DISMISS: [{ name: 'reason', label: 'Alasan penutupan', kind: 'textarea', required: true }],
  ERASE_IDENTITY: [],
  CONFIRM_EMAIL: [{ name: 'code', label: 'Kode dari email konfirmasi', kind: 'text', required: true }],
};

/** Actions that cannot be undone ask once more. */
const CONFIRM: Record<string, string> = {
  ERASE_IDENTITY: 'Identitas dan kontak Anda akan dihapus permanen dari laporan ini. Lanjutkan?',
  CONFIRM_RESOLVED: 'Anda menyatakan masalah sudah selesai. Lanjutkan?',
  ARCHIVE: 'Laporan akan diarsipkan. Lanjutkan?',
};

/** What a person is told once an action went through (the page also shows its new state). */
const DONE: Record<string, string> = {
  VERIFY: 'Laporan diverifikasi dan didisposisikan.',
  HOLD: 'Pertanyaan terkirim ke pelapor. Laporan ditunda sampai ia menjawab.',
  ARCHIVE: 'Laporan diarsipkan. Pelapor diberi tahu.',
  ACKNOWLEDGE: 'Laporan diterima dan kini sedang diproses.',
  RESPOND: 'Tindak lanjut terkirim ke pelapor.',
  TRANSFER: 'Laporan dikembalikan ke verifikator untuk dilimpahkan ke instansi yang berwenang.',
  COMMENT: 'Catatan tersimpan.',
  REPLY: 'Balasan Anda terkirim ke instansi.',
  CONFIRM_RESOLVED: 'Terima kasih. Laporan dinyatakan selesai.',
  REOPEN: 'Laporan dibuka kembali. Instansi diberi tahu.',
  RATE: 'Terima kasih atas penilaian Anda.',
  REQUEST_OMBUDSMAN_REVIEW: 'Permintaan peninjauan terkirim ke Ombudsman.',
  TAKE_OVER: 'Ombudsman mengambil alih penanganan laporan.',
  RETURN_TO_AGENCY: 'Laporan dikembalikan kepada instansi dengan saran tindakan.',
  DISMISS: 'Peninjauan ditutup.',
  ERASE_IDENTITY: 'Identitas dan kontak Anda telah dihapus dari laporan ini.',
  CONFIRM_EMAIL: 'Alamat email Anda terkonfirmasi.',
};

export interface AgencyOption {
  id: string;
  name: string;
}

/** An agency typed or picked by its name (or, from an older link, its id). */
const agencyNamed = (agencies: AgencyOption[], text: string) => {
  const t = text.trim().toLowerCase();
  return agencies.find((a) => a.name.toLowerCase() === t || a.id === text.trim());
};

function fieldValue(field: ActionField, raw: string | boolean | undefined, agencies: AgencyOption[]): unknown {
  if (field.kind === 'checkbox') return raw === true;
  if (field.kind === 'agency' && typeof raw === 'string' && raw.trim()) return agencyNamed(agencies, raw)?.id ?? raw.trim();
  if (field.kind === 'yesno') return raw === 'yes';
  if (raw === undefined || raw === '') return undefined;
  if (field.kind === 'number' || field.name === 'score') return Number(raw);
  return raw;
}

/** One action as a small form; on success the API's new view of the complaint is handed back. */
function ActionForm(props: {
  action: string;
  trackingId: string;
  token: string | undefined;
  staff: boolean;
  agencies: AgencyOption[];
  defaults: Record<string, string>;
  onDone: (view: unknown) => void;
}) {
  const fields = ACTION_FIELDS[props.action] ?? [];
  const [values, setValues] = useState<Record<string, string | boolean>>(() => ({ ...props.defaults }));
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const id = (name: string) => `a-${props.action}-${name}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending) return;
    // An agency is chosen by its name; a name not on the list is said here, in words, before anything is sent.
    const unknownAgencies = fields.filter(
      (f) => f.kind === 'agency' && String(values[f.name] ?? '').trim() && !agencyNamed(props.agencies, String(values[f.name])),
    );
    if (unknownAgencies.length) {
      setError(
        new ApiError(
          400,
          'Instansi tidak dikenal',
          '',
          unknownAgencies.map((f) => ({ field: f.name, message: 'Ketik sebagian nama instansi, lalu pilih dari daftar.', rule: 'invalid' as const })),
        ),
      );
      return;
    }
    if (CONFIRM[props.action] && !confirm(CONFIRM[props.action])) return;
    setSending(true);
    setError(undefined);
    const body: Record<string, unknown> = { action: props.action };
    for (const f of fields) {
      const v = fieldValue(f, values[f.name], props.agencies);
      if (v !== undefined) body[f.name] = v;
    }
    try {
      const view = await call(`/v1/complaints/${encodeURIComponent(props.trackingId)}/actions`, { body, token: props.token, staff: props.staff });
      props.onDone(view);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'Galat', String(err)));
    } finally {
      setSending(false);
    }
  };

  const set = (name: string, v: string | boolean) => setValues({ ...values, [name]: v });
  return (
    <form onSubmit={submit} class="card" aria-labelledby={id('title')} noValidate>
      <h3 id={id('title')}>{label(ACTION_LABELS, props.action)}</h3>
      {error && <ErrorSummary error={error} fieldIds={Object.fromEntries(fields.map((f) => [f.name, id(f.name)]))} />}
      {fields.map((f) => {
        const err = error?.forField(f.name);
        switch (f.kind) {
          case 'textarea':
            return (
              <Field key={f.name} id={id(f.name)} label={f.label} hint={f.hint} error={err}>
                {(aria) => (
                  <textarea
                    {...aria}
                    value={String(values[f.name] ?? '')}
                    onInput={(e) => set(f.name, (e.target as HTMLTextAreaElement).value)}
                    required={f.required}
                  />
                )}
              </Field>
            );
          case 'text':
            return (
              <Field key={f.name} id={id(f.name)} label={f.label} hint={f.hint} error={err}>
                {(aria) => (
                  <input
                    type="text"
                    {...aria}
                    value={String(values[f.name] ?? '')}
                    onInput={(e) => set(f.name, (e.target as HTMLInputElement).value)}
                    required={f.required}
                  />
                )}
              </Field>
            );
          case 'number':
            return (
              <Field key={f.name} id={id(f.name)} label={f.label} error={err}>
                {(aria) => (
                  <input
                    type="number"
                    {...aria}
                    min={f.min}
                    max={f.max}
                    inputMode="numeric"
                    value={String(values[f.name] ?? '')}
                    onInput={(e) => set(f.name, (e.target as HTMLInputElement).value)}
                    required={f.required}
                  />
                )}
              </Field>
            );
          case 'select':
            return (
              <Field key={f.name} id={id(f.name)} label={f.label} error={err}>
                {(aria) => (
                  <select
                    {...aria}
                    value={String(values[f.name] ?? '')}
                    onChange={(e) => set(f.name, (e.target as HTMLSelectElement).value)}
                    required={f.required}
                  >
                    <option value="">Pilih</option>
                    {f.options.map(([v, t]) => (
                      <option key={v} value={v}>
                        {t}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            );
          case 'agency':
            return (
              <Field key={f.name} id={id(f.name)} label={f.label} hint={f.hint} error={err}>
                {(aria) => (
                  <>
                    <input
                      type="text"
                      {...aria}
                      list={id(`${f.name}-list`)}
                      autoComplete="off"
                      value={String(values[f.name] ?? '')}
                      onInput={(e) => set(f.name, (e.target as HTMLInputElement).value)}
                      required={f.required}
                    />
                    <datalist id={id(`${f.name}-list`)}>
                      {props.agencies.map((a) => (
                        <option key={a.id} value={a.name} />
                      ))}
                    </datalist>
                  </>
                )}
              </Field>
            );
          case 'checkbox':
            return (
              <div class="choice" key={f.name}>
                <input
                  type="checkbox"
                  id={id(f.name)}
                  checked={values[f.name] === true}
                  onChange={(e) => set(f.name, (e.target as HTMLInputElement).checked)}
                />
                <label for={id(f.name)}>{f.label}</label>
              </div>
            );
          case 'yesno':
            return (
              <fieldset key={f.name} aria-describedby={`${id(f.name)}-hint`}>
                <legend>{f.label}</legend>
                <span class="hint" id={`${id(f.name)}-hint`}>
                  {f.hint}
                </span>
                {(
                  [
                    ['yes', 'Ya, boleh'],
                    ['no', 'Tidak'],
                  ] as const
                ).map(([v, t]) => (
                  <div class="choice" key={v}>
                    <input type="radio" name={id(f.name)} id={id(`${f.name}-${v}`)} value={v} checked={values[f.name] === v} onChange={() => set(f.name, v)} />
                    <label for={id(`${f.name}-${v}`)}>{t}</label>
                  </div>
                ))}
                {err && <p class="field-error">{err}</p>}
              </fieldset>
            );
          default:
            return null;
        }
      })}
      <button type="submit" disabled={sending} aria-busy={sending}>
        {sending ? 'Mengirim…' : label(ACTION_LABELS, props.action)}
      </button>
    </form>
  );
}

/** The actions the API offers this caller, each behind a disclosure so a phone screen stays short. */
export function ActionPanel(props: {
  allowed: string[];
  trackingId: string;
  token: string | undefined;
  staff: boolean;
  agencies?: AgencyOption[];
  defaults?: Record<string, Record<string, string>>;
  onDone: (view: unknown) => void;
}) {
  const [open, setOpen] = useState<string>();
  const [done, setDone] = useState<string>();
  const shown = props.allowed.filter((a) => a in ACTION_FIELDS);
  if (!shown.length && !done) return null;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">Tindakan</h2>
      {done && (
        <p class="notice" role="status" data-testid="action-done">
          {done}
        </p>
      )}
      <div class="actions-row">
        {shown.map((a) => (
          <button
            key={a}
            type="button"
            class={open === a ? '' : 'secondary'}
            aria-expanded={open === a}
            aria-controls="action-form"
            onClick={() => {
              setDone(undefined);
              setOpen(open === a ? undefined : a);
            }}
          >
            {label(ACTION_LABELS, a)}
          </button>
        ))}
      </div>
      <div id="action-form">
        {open && (
          <ActionForm
            key={open}
            action={open}
            trackingId={props.trackingId}
            token={props.token}
            staff={props.staff}
            agencies={props.agencies ?? []}
            defaults={props.defaults?.[open] ?? {}}
            onDone={(view) => {
              const agency = (view as { assignedAgency?: { name?: string } | null }).assignedAgency?.name;
              setDone(open === 'VERIFY' && agency ? `Laporan diverifikasi dan didisposisikan ke ${agency}.` : DONE[open]);
              setOpen(undefined);
              props.onDone(view);
            }}
          />
        )}
      </div>
    </section>
  );
}
