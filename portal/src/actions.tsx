import { useState } from 'preact/hooks';
import { ApiError, call } from './api';
import { ErrorSummary, Field } from './components';
import { t } from './i18n';
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
      label: t('actions.fields.agency'),
      kind: 'agency',
      required: true,
      hint: t('actions.fields.agencyHint'),
    },
  ],
  HOLD: [{ name: 'question', label: t('actions.fields.question'), kind: 'textarea', required: true }],
  ARCHIVE: [
    {
      name: 'reason',
      label: t('actions.fields.reason'),
      kind: 'select',
      required: true,
      options: (['NOT_ACTIONABLE', 'OUT_OF_SCOPE', 'DUPLICATE', 'ABUSIVE'] as const).map((r) => [r, label(ARCHIVE_REASON_LABELS, r)]),
    },
    { name: 'duplicateOf', label: t('actions.fields.duplicateOf'), kind: 'text' },
    { name: 'note', label: t('actions.fields.note'), kind: 'textarea' },
  ],
  ACKNOWLEDGE: [],
  RESPOND: [{ name: 'message', label: t('actions.fields.response'), kind: 'textarea', required: true }],
  TRANSFER: [
    { name: 'reason', label: t('actions.fields.transferReason'), kind: 'textarea', required: true },
    { name: 'suggestedAgencyId', label: t('actions.fields.suggestedAgency'), kind: 'agency' },
  ],
  COMMENT: [
    { name: 'message', label: t('actions.fields.comment'), kind: 'textarea', required: true },
    { name: 'internal', label: t('actions.fields.internal'), kind: 'checkbox' },
  ],
  REPLY: [{ name: 'message', label: t('actions.fields.reply'), kind: 'textarea', required: true }],
  CONFIRM_RESOLVED: [],
  REOPEN: [{ name: 'message', label: t('actions.fields.reopen'), kind: 'textarea', required: true }],
  RATE: [
    {
      name: 'score',
      label: t('actions.fields.score'),
      kind: 'select',
      required: true,
      options: [
        ['5', t('actions.scores.5')],
        ['4', t('actions.scores.4')],
        ['3', t('actions.scores.3')],
        ['2', t('actions.scores.2')],
        ['1', t('actions.scores.1')],
      ],
    },
    { name: 'comment', label: t('actions.fields.ratingComment'), kind: 'textarea' },
  ],
  REQUEST_OMBUDSMAN_REVIEW: [
    {
      name: 'consentToShareIdentity',
      label: t('actions.fields.consent'),
      kind: 'yesno',
      hint: t('actions.fields.consentHint'),
    },
    { name: 'message', label: t('actions.fields.ombudsmanMessage'), kind: 'textarea' },
  ],
  TAKE_OVER: [{ name: 'note', label: t('actions.fields.noteOptional'), kind: 'textarea' }],
  RETURN_TO_AGENCY: [
    { name: 'recommendation', label: t('actions.fields.recommendation'), kind: 'textarea', required: true },
    { name: 'workingDays', label: t('actions.fields.workingDays'), kind: 'number', min: 1, max: 60, required: true },
  ],
  DISMISS: [{ name: 'reason', label: t('actions.fields.dismissReason'), kind: 'textarea', required: true }],
  ERASE_IDENTITY: [],
  CONFIRM_EMAIL: [{ name: 'code', label: t('actions.fields.code'), kind: 'text', required: true }],
};

/** Actions that cannot be undone ask once more. */
const CONFIRM: Record<string, string> = {
  ERASE_IDENTITY: t('actions.confirm.ERASE_IDENTITY'),
  CONFIRM_RESOLVED: t('actions.confirm.CONFIRM_RESOLVED'),
  ARCHIVE: t('actions.confirm.ARCHIVE'),
};

/** What a person is told once an action went through (the page also shows its new state). */
const DONE: Record<string, string> = {
  VERIFY: t('actions.done.VERIFY'),
  HOLD: t('actions.done.HOLD'),
  ARCHIVE: t('actions.done.ARCHIVE'),
  ACKNOWLEDGE: t('actions.done.ACKNOWLEDGE'),
  RESPOND: t('actions.done.RESPOND'),
  TRANSFER: t('actions.done.TRANSFER'),
  COMMENT: t('actions.done.COMMENT'),
  REPLY: t('actions.done.REPLY'),
  CONFIRM_RESOLVED: t('actions.done.CONFIRM_RESOLVED'),
  REOPEN: t('actions.done.REOPEN'),
  RATE: t('actions.done.RATE'),
  REQUEST_OMBUDSMAN_REVIEW: t('actions.done.REQUEST_OMBUDSMAN_REVIEW'),
  TAKE_OVER: t('actions.done.TAKE_OVER'),
  RETURN_TO_AGENCY: t('actions.done.RETURN_TO_AGENCY'),
  DISMISS: t('actions.done.DISMISS'),
  ERASE_IDENTITY: t('actions.done.ERASE_IDENTITY'),
  CONFIRM_EMAIL: t('actions.done.CONFIRM_EMAIL'),
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
          t('actions.unknownAgency'),
          '',
          unknownAgencies.map((f) => ({ field: f.name, message: t('actions.pickAgency'), rule: 'invalid' as const })),
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
      setError(err instanceof ApiError ? err : new ApiError(0, t('common.error'), String(err)));
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
                    <option value="">{t('actions.choose')}</option>
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
                    ['yes', t('actions.yes')],
                    ['no', t('actions.no')],
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
        {sending ? t('actions.sending') : label(ACTION_LABELS, props.action)}
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
      <h2 id="actions-title">{t('actions.title')}</h2>
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
              setDone(open === 'VERIFY' && agency ? t('actions.doneVerifyTo', { agency }) : DONE[open]);
              setOpen(undefined);
              props.onDone(view);
            }}
          />
        )}
      </div>
    </section>
  );
}
