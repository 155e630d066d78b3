import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { SessionOutput } from '../../../functions/contract/outputs/session';
import { ApiError, call } from '../api';
import { ErrorSummary, Field, PageTitle } from '../components';
import { chooseLanguage, LANGUAGE, t } from '../i18n';
import { QrCode } from '../qr-code';
import { navigate } from '../router';
import { startStaffSession } from '../session';

/**
 * What the sign-in asks for next: the password; a password of one's own after a temporary one;
 * an authenticator to enrol (where the pool requires MFA) or its code; and, for a forgotten
 * password, the username and then the mailed code with a new password.
 */
type Step =
  | { kind: 'PASSWORD' }
  | { kind: 'MFA'; session: string }
  | { kind: 'NEW_PASSWORD'; session: string }
  | { kind: 'MFA_SETUP'; session: string; secret: string; otpauthUri: string }
  | { kind: 'FORGOT_PASSWORD' }
  | { kind: 'RESET_PASSWORD' };

const SUBMIT_TEXT: Record<Step['kind'], string> = {
  PASSWORD: t('signIn.submit.PASSWORD'),
  MFA: t('signIn.submit.MFA'),
  NEW_PASSWORD: t('signIn.submit.NEW_PASSWORD'),
  MFA_SETUP: t('signIn.submit.MFA_SETUP'),
  FORGOT_PASSWORD: t('signIn.submit.FORGOT_PASSWORD'),
  RESET_PASSWORD: t('signIn.submit.RESET_PASSWORD'),
};

/** A field's input bound to its state: text, or a password. */
const input =
  (value: string, set: (v: string) => void, extra: Record<string, unknown> = {}, type: 'text' | 'password' = 'text') =>
  (aria: Record<string, unknown>) => <input type={type} {...aria} {...extra} value={value} onInput={(e) => set((e.target as HTMLInputElement).value)} />;

/**
 * Staff sign-in, one step at a time (POST /v1/sessions says which comes next). Opened on a staff
 * page (a mail's link to a case), it returns there once signed in; otherwise to the inbox.
 */
export function SignInPage({ expired, returnTo = ['petugas'] }: { expired: boolean; returnTo?: string[] }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'PASSWORD' });
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const choosesPassword = step.kind === 'NEW_PASSWORD' || step.kind === 'RESET_PASSWORD';

  const bodyOf = (s: Step) => {
    switch (s.kind) {
      case 'PASSWORD':
        return { step: 'PASSWORD', username, password };
      case 'MFA':
      case 'MFA_SETUP':
        return { step: s.kind, username, session: s.session, code };
      case 'NEW_PASSWORD':
        return { step: 'NEW_PASSWORD', username, session: s.session, newPassword };
      case 'FORGOT_PASSWORD':
        return { step: 'FORGOT_PASSWORD', username };
      case 'RESET_PASSWORD':
        return { step: 'RESET_PASSWORD', username, code, newPassword };
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending) return;
    setError(undefined);
    if (choosesPassword && newPassword !== repeated) {
      setError(
        new ApiError(400, t('signIn.mismatchTitle'), t('signIn.mismatchDetail'), [{ field: 'repeated', message: t('signIn.mismatch'), rule: 'invalid' }]),
      );
      return;
    }
    setSending(true);
    try {
      const answer = await call<SessionOutput>('/v1/sessions', { body: bodyOf(step) });
      if (!('next' in answer)) {
        startStaffSession(answer.idToken, answer.expiresIn, answer.staff);
        navigate(...returnTo);
        // The officer's profile language: the portal opens in it (the page is drawn again in that language).
        if (answer.staff.language && answer.staff.language !== LANGUAGE) chooseLanguage(answer.staff.language);
        return;
      }
      setStep(
        answer.next === 'MFA_SETUP'
          ? { kind: 'MFA_SETUP', session: answer.session, secret: answer.secret, otpauthUri: answer.otpauthUri }
          : answer.next === 'RESET_PASSWORD'
            ? { kind: 'RESET_PASSWORD' }
            : { kind: answer.next, session: answer.session },
      );
      setPassword('');
      setCode('');
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(0, t('common.error'), String(err));
      // An expired sign-in session starts over at the password.
      if ((step.kind === 'MFA' || step.kind === 'MFA_SETUP' || step.kind === 'NEW_PASSWORD') && apiError.status === 401 && /kedaluwarsa/i.test(apiError.detail))
        setStep({ kind: 'PASSWORD' });
      // A refused sign-in says so in its heading, not with the generic "sign in first".
      setError([401, 403, 429].includes(apiError.status) ? new ApiError(apiError.status, t('signIn.refused'), apiError.detail, apiError.errors) : apiError);
    } finally {
      setSending(false);
    }
  };

  const notice: ComponentChildren =
    step.kind === 'NEW_PASSWORD'
      ? t('signIn.newPasswordNotice')
      : step.kind === 'FORGOT_PASSWORD'
        ? t('signIn.forgotNotice')
        : step.kind === 'RESET_PASSWORD'
          ? t('signIn.resetNotice')
          : undefined;

  return (
    <>
      <PageTitle title={t('signIn.title')}>{t('signIn.title')}</PageTitle>
      {expired && (
        <p class="notice warn" role="status">
          {t('signIn.expired')}
        </p>
      )}
      {error && (
        <ErrorSummary error={error} fieldIds={{ username: 's-username', password: 's-password', code: 's-code', newPassword: 's-new', repeated: 's-repeat' }} />
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {step.kind === 'MFA_SETUP' && (
        <div class="notice" role="status">
          <p>{t('signIn.mfaIntro')}</p>
          <QrCode text={step.otpauthUri} label={t('signIn.qrLabel')} />
          <p>{t('signIn.mfaKey')}</p>
          <p>
            <code data-testid="mfa-secret">{step.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
          <p>
            <a href={step.otpauthUri}>{t('signIn.mfaOpen')}</a>
          </p>
          <p>{t('signIn.mfaThen')}</p>
        </div>
      )}
      <form onSubmit={submit} noValidate class="card">
        {(step.kind === 'PASSWORD' || step.kind === 'FORGOT_PASSWORD') && (
          <Field id="s-username" label={t('signIn.username')} error={error?.forField('username')}>
            {input(username, setUsername, { autoComplete: 'username', autoCapitalize: 'none' })}
          </Field>
        )}
        {step.kind === 'PASSWORD' && (
          <Field id="s-password" label={t('signIn.password')} error={error?.forField('password')}>
            {input(password, setPassword, { autoComplete: 'current-password' }, 'password')}
          </Field>
        )}
        {(step.kind === 'MFA' || step.kind === 'MFA_SETUP' || step.kind === 'RESET_PASSWORD') && (
          <Field
            id="s-code"
            label={step.kind === 'RESET_PASSWORD' ? t('signIn.emailCode') : t('signIn.authCode')}
            hint={step.kind === 'RESET_PASSWORD' ? undefined : t('signIn.authCodeHint')}
            error={error?.forField('code')}
          >
            {input(code, setCode, { inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 6 })}
          </Field>
        )}
        {choosesPassword && (
          <>
            <Field id="s-new" label={t('signIn.newPassword')} error={error?.forField('newPassword')}>
              {input(newPassword, setNewPassword, { autoComplete: 'new-password' }, 'password')}
            </Field>
            <Field id="s-repeat" label={t('signIn.repeat')} error={error?.forField('repeated')}>
              {input(repeated, setRepeated, { autoComplete: 'new-password' }, 'password')}
            </Field>
          </>
        )}
        <button type="submit" disabled={sending} aria-busy={sending}>
          {sending ? t('signIn.checking') : SUBMIT_TEXT[step.kind]}
        </button>
      </form>
      <p>
        <button
          type="button"
          class="link"
          onClick={() => {
            setError(undefined);
            setStep(step.kind === 'PASSWORD' ? { kind: 'FORGOT_PASSWORD' } : { kind: 'PASSWORD' });
          }}
        >
          {step.kind === 'PASSWORD' ? t('signIn.forgot') : t('signIn.backToPassword')}
        </button>
      </p>
      <p class="muted">{t('signIn.citizens')}</p>
    </>
  );
}
