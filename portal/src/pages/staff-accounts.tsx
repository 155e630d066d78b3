/**
 * Staff accounts, for operators (every account) and an agency's administrator (their agency's
 * officers and administrators): invite, list and filter, disable, re-enable, send an unused
 * invitation again. Each change is audited and mailed to its person by the API.
 */
import { useState } from 'preact/hooks';
import type { StaffAccountView, StaffChangedOutput, StaffImportOutput, StaffInvitedOutput, StaffListOutput } from '../../../functions/contract/outputs/staff';
import { LANGUAGES } from '../../../functions/core/labels';
import { type ApiError, call } from '../api';
import { BackLink, ErrorSummary, Field, ImportErrors, Loading, PageTitle, Problem, useLoad } from '../components';
import { LANGUAGE_NAMES, t } from '../i18n';
import { ACCOUNT_STATUS_LABELS, formatDateTime, label, ROLE_LABELS } from '../labels';
import type { StaffSession } from '../session';

/** The groups one may invite into, by who invites (the API holds the same rule). */
const GROUPS: Record<string, string> = {
  'petugas-instansi': ROLE_LABELS.AGENCY_OFFICER as string,
  'admin-instansi': ROLE_LABELS.SERVICE_ADMIN as string,
  verifikator: ROLE_LABELS.VERIFIER as string,
  ombudsman: ROLE_LABELS.OMBUDSMAN as string,
  operator: ROLE_LABELS.OPERATOR as string,
};
const AGENCY_GROUPS = ['petugas-instansi', 'admin-instansi'];
const groupLabel = (g: string) => GROUPS[g] ?? g;

/** The roles one may give (or filter by): an agency's administrator only its officers and administrators. */
function GroupOptions({ operator }: { operator: boolean }) {
  return (
    <>
      {Object.entries(GROUPS)
        .filter(([g]) => operator || AGENCY_GROUPS.includes(g))
        .map(([g, text]) => (
          <option key={g} value={g}>
            {text}
          </option>
        ))}
    </>
  );
}

function InviteForm({ session, onInvited }: { session: StaffSession; onInvited: (a: StaffInvitedOutput) => void }) {
  const operator = session.staff.roles.includes('OPERATOR');
  const [form, setForm] = useState({
    name: '',
    email: '',
    group: 'petugas-instansi',
    agencyId: session.staff.agencyId ?? '',
    provinceCode: '',
    username: '',
    language: 'id',
  });
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.target as HTMLInputElement).value });
  const forAgency = AGENCY_GROUPS.includes(form.group);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending) return;
    setSending(true);
    setError(undefined);
    try {
      const body = {
        name: form.name,
        email: form.email,
        group: form.group,
        ...(forAgency ? { agencyId: operator ? form.agencyId : session.staff.agencyId } : {}),
        ...(form.group === 'ombudsman' ? { provinceCode: form.provinceCode } : {}),
        ...(form.username ? { username: form.username } : {}),
        language: form.language,
      };
      onInvited(await call<StaffInvitedOutput>('/v1/staff', { body, token: session.idToken, staff: true }));
      setForm({ ...form, name: '', email: '', username: '' });
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setSending(false);
    }
  };
  return (
    <section class="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('accounts.inviteTitle')}</h2>
      <p class="hint">{t('accounts.inviteHint')}</p>
      {error && (
        <ErrorSummary
          error={error}
          fieldIds={{
            name: 'i-name',
            email: 'i-email',
            group: 'i-group',
            agencyId: 'i-agency',
            provinceCode: 'i-province',
            username: 'i-username',
            language: 'i-language',
          }}
        />
      )}
      <form onSubmit={submit} noValidate>
        <Field id="i-name" label={t('accounts.name')} error={error?.forField('name')}>
          {(aria) => <input type="text" {...aria} value={form.name} onInput={set('name')} autoComplete="off" />}
        </Field>
        <Field id="i-email" label={t('accounts.email')} error={error?.forField('email')}>
          {(aria) => <input type="email" {...aria} value={form.email} onInput={set('email')} autoComplete="off" />}
        </Field>
        <Field id="i-group" label={t('accounts.role')} error={error?.forField('group')}>
          {(aria) => (
            <select {...aria} value={form.group} onChange={set('group')}>
              <GroupOptions operator={operator} />
            </select>
          )}
        </Field>
        {forAgency && operator && (
          <Field id="i-agency" label={t('accounts.agency')} hint={t('accounts.agencyHint')} error={error?.forField('agencyId')}>
            {(aria) => <input type="text" {...aria} value={form.agencyId} onInput={set('agencyId')} autoCapitalize="none" />}
          </Field>
        )}
        {form.group === 'ombudsman' && (
          <Field id="i-province" label={t('accounts.province')} hint={t('accounts.provinceHint')} error={error?.forField('provinceCode')}>
            {(aria) => <input type="text" {...aria} value={form.provinceCode} onInput={set('provinceCode')} inputMode="numeric" maxLength={2} />}
          </Field>
        )}
        <Field id="i-username" label={t('accounts.username')} hint={t('accounts.usernameHint')} error={error?.forField('username')}>
          {(aria) => <input type="text" {...aria} value={form.username} onInput={set('username')} autoCapitalize="none" />}
        </Field>
        <Field id="i-language" label={t('accounts.language')} hint={t('accounts.languageHint')} error={error?.forField('language')}>
          {(aria) => (
            <select {...aria} value={form.language} onChange={set('language')}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={sending} aria-busy={sending}>
          {sending ? t('accounts.sending') : t('accounts.invite')}
        </button>
      </form>
    </section>
  );
}

function ImportForm({ session, onImported }: { session: StaffSession; onImported: (r: StaffImportOutput) => void }) {
  const [error, setError] = useState<ApiError>();
  const importFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setError(undefined);
    try {
      onImported(await call<StaffImportOutput>('/v1/staff/imports', { body: { csv: await file.text() }, token: session.idToken, staff: true }));
    } catch (err) {
      setError(err as ApiError);
    }
    input.value = '';
  };
  return (
    <section class="card" aria-labelledby="staff-import-title">
      <h2 id="staff-import-title">{t('accounts.importTitle')}</h2>
      <p class="hint">{t('accounts.importHint', { columns: 'name,email,group,agencyId,provinceCode', username: 'username, language (id, en)' })}</p>
      {error && <ImportErrors error={error} />}
      <Field id="staff-import-file" label={t('accounts.csvFile')}>
        {(aria) => <input type="file" accept=".csv,text/csv" {...aria} onChange={importFile} />}
      </Field>
    </section>
  );
}

function AccountRow({ a, session, onChanged }: { a: StaffAccountView; session: StaffSession; onChanged: (a: StaffChangedOutput, what: string) => void }) {
  const [error, setError] = useState<ApiError>();
  const act = async (action: string, what: string, question?: string) => {
    if (question && !confirm(question)) return;
    setError(undefined);
    try {
      onChanged(
        await call<StaffChangedOutput>(`/v1/staff/${encodeURIComponent(a.username)}/actions`, { body: { action }, token: session.idToken, staff: true }),
        what,
      );
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const own = a.username === session.staff.username;
  return (
    <li data-testid={`account-${a.username}`}>
      <strong>{a.name || a.username}</strong>{' '}
      <span class={`badge ${a.status === 'DISABLED' ? 'overdue' : a.status === 'INVITED' ? 'open' : 'done'}`}>{label(ACCOUNT_STATUS_LABELS, a.status)}</span>
      <div class="muted">
        {a.username} · {a.email} · {groupLabel(a.group)}
        {a.agencyId ? ` · ${a.agencyName ?? a.agencyId}` : ''}
        {a.provinceCode ? ` · ${a.provinceName ?? t('accounts.provinceOf', { code: a.provinceCode })}` : ''}
        {a.mfa ? t('accounts.mfa') : ''}
        {a.lastSignInAt ? t('accounts.lastSignIn', { when: formatDateTime(a.lastSignInAt) }) : ''}
      </div>
      {!own && (
        <div class="actions-row">
          {a.status === 'DISABLED' ? (
            <button type="button" class="secondary" onClick={() => act('ENABLE', t('accounts.enabled', { username: a.username }))}>
              {t('accounts.enable')}
            </button>
          ) : (
            <button
              type="button"
              class="secondary"
              onClick={() => act('DISABLE', t('accounts.disabled', { username: a.username }), t('accounts.disableConfirm', { username: a.username }))}
            >
              {t('accounts.disable')}
            </button>
          )}
          {a.status === 'INVITED' && (
            <button type="button" class="secondary" onClick={() => act('RESEND_INVITATION', t('accounts.resent', { email: a.email }))}>
              {t('accounts.resend')}
            </button>
          )}
          {a.status === 'ACTIVE' && (
            <button
              type="button"
              class="secondary"
              onClick={() => act('RESET_PASSWORD', t('accounts.resetSent', { email: a.email }), t('accounts.resetConfirm', { username: a.username }))}
            >
              {t('accounts.reset')}
            </button>
          )}
        </div>
      )}
      {error && <Problem error={error} />}
    </li>
  );
}

/** #/petugas/akun */
export function StaffAccountsPage({ session }: { session: StaffSession }) {
  const operator = session.staff.roles.includes('OPERATOR');
  const [filter, setFilter] = useState({ agencyId: '', group: '', status: '' });
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState('');
  const query = new URLSearchParams({ limit: '100', ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) }).toString();
  const accounts = useLoad(() => call<StaffListOutput>(`/v1/staff?${query}`, { token: session.idToken, staff: true, fresh: true }), [query, round]);
  const setF = (k: keyof typeof filter) => (e: Event) => setFilter({ ...filter, [k]: (e.target as HTMLInputElement).value });
  return (
    <>
      <BackLink href="#/petugas">{t('case.back')}</BackLink>
      <PageTitle title={t('accounts.title')}>{t('accounts.title')}</PageTitle>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <InviteForm
        session={session}
        onInvited={(a) => {
          setNotice(a.invitationMailed ? t('accounts.invited', { email: a.email, username: a.username }) : t('accounts.notMailed', { username: a.username }));
          setRound((n) => n + 1);
        }}
      />
      <ImportForm
        session={session}
        onImported={(r) => {
          setNotice(
            `${t('accounts.imported', { count: r.imported.length, names: r.imported.join(', ') })}${r.notMailed.length ? t('accounts.importNotMailed', { names: r.notMailed.join(', ') }) : ''}`,
          );
          setRound((n) => n + 1);
        }}
      />
      <h2>{t('accounts.list')}</h2>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        {operator && (
          <Field id="f-agency" label={t('accounts.filterAgency')}>
            {(aria) => <input type="text" {...aria} value={filter.agencyId} onChange={setF('agencyId')} placeholder="pemda-51.03" autoCapitalize="none" />}
          </Field>
        )}
        <Field id="f-group" label={t('accounts.filterRole')}>
          {(aria) => (
            <select {...aria} value={filter.group} onChange={setF('group')}>
              <option value="">{t('accounts.all')}</option>
              <GroupOptions operator={operator} />
            </select>
          )}
        </Field>
        <Field id="f-status" label={t('accounts.filterStatus')}>
          {(aria) => (
            <select {...aria} value={filter.status} onChange={setF('status')}>
              <option value="">{t('accounts.all')}</option>
              {Object.entries(ACCOUNT_STATUS_LABELS).map(([s, text]) => (
                <option key={s} value={s}>
                  {text}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      {accounts.error && <Problem error={accounts.error} />}
      {accounts.loading && !accounts.data ? (
        <Loading what={t('accounts.loading')} />
      ) : accounts.data?.items.length ? (
        <ul class="list">
          {accounts.data.items.map((a) => (
            <AccountRow
              key={a.username}
              a={a}
              session={session}
              onChanged={(_changed, what) => {
                setNotice(what);
                setRound((n) => n + 1);
              }}
            />
          ))}
        </ul>
      ) : (
        <p class="muted">{t('accounts.none')}</p>
      )}
    </>
  );
}
