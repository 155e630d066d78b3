import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { SessionOutput } from '../../../functions/contract/outputs/session';
import { ApiError, call } from '../api';
import { ErrorSummary, Field, PageTitle } from '../components';
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
  PASSWORD: 'Masuk',
  MFA: 'Verifikasi kode',
  NEW_PASSWORD: 'Simpan kata sandi dan masuk',
  MFA_SETUP: 'Aktifkan autentikator dan masuk',
  FORGOT_PASSWORD: 'Kirim kode ke email saya',
  RESET_PASSWORD: 'Simpan kata sandi dan masuk',
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
        new ApiError(400, 'Kata sandi tidak sama', 'Ketik kata sandi baru yang sama dua kali.', [
          { field: 'repeated', message: 'tidak sama dengan kata sandi baru' },
        ]),
      );
      return;
    }
    setSending(true);
    try {
      const answer = await call<SessionOutput>('/v1/sessions', { body: bodyOf(step) });
      if (!('next' in answer)) {
        startStaffSession(answer.idToken, answer.expiresIn, answer.staff);
        navigate(...returnTo);
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
      const apiError = err instanceof ApiError ? err : new ApiError(0, 'Galat', String(err));
      // An expired sign-in session starts over at the password.
      if ((step.kind === 'MFA' || step.kind === 'MFA_SETUP' || step.kind === 'NEW_PASSWORD') && apiError.status === 401 && /kedaluwarsa/i.test(apiError.detail))
        setStep({ kind: 'PASSWORD' });
      // A refused sign-in says so in its heading, not with the generic "sign in first".
      setError([401, 403, 429].includes(apiError.status) ? new ApiError(apiError.status, 'Tidak dapat masuk', apiError.detail, apiError.errors) : apiError);
    } finally {
      setSending(false);
    }
  };

  const notice: ComponentChildren =
    step.kind === 'NEW_PASSWORD'
      ? 'Ini masuk pertama Anda (atau kata sandi Anda baru diatur ulang). Buat kata sandi Anda sendiri: minimal 12 karakter, dengan huruf besar, huruf kecil, angka dan simbol.'
      : step.kind === 'FORGOT_PASSWORD'
        ? 'Masukkan nama pengguna Anda: kode untuk mengatur ulang kata sandi dikirim ke alamat email akun itu.'
        : step.kind === 'RESET_PASSWORD'
          ? 'Bila nama pengguna itu terdaftar, kode 6 angka telah dikirim ke alamat emailnya (berlaku 1 jam). Masukkan kode itu dan kata sandi baru.'
          : undefined;

  return (
    <>
      <PageTitle title="Masuk petugas">Masuk petugas</PageTitle>
      {expired && (
        <p class="notice warn" role="status">
          Sesi Anda berakhir. Silakan masuk kembali.
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
          <p>Akun petugas memerlukan aplikasi autentikator (misalnya Google Authenticator atau Aegis). Pindai kode QR ini dengan aplikasi itu:</p>
          <QrCode text={step.otpauthUri} label="Kode QR untuk aplikasi autentikator" />
          <p>Atau ketik kunci ini di aplikasi:</p>
          <p>
            <code data-testid="mfa-secret">{step.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
          <p>
            <a href={step.otpauthUri}>Buka di aplikasi autentikator di perangkat ini</a>
          </p>
          <p>Lalu masukkan kode 6 angka yang ditampilkan aplikasi.</p>
        </div>
      )}
      <form onSubmit={submit} noValidate class="card">
        {(step.kind === 'PASSWORD' || step.kind === 'FORGOT_PASSWORD') && (
          <Field id="s-username" label="Nama pengguna" error={error?.forField('username')}>
            {input(username, setUsername, { autoComplete: 'username', autoCapitalize: 'none' })}
          </Field>
        )}
        {step.kind === 'PASSWORD' && (
          <Field id="s-password" label="Kata sandi" error={error?.forField('password')}>
            {input(password, setPassword, { autoComplete: 'current-password' }, 'password')}
          </Field>
        )}
        {(step.kind === 'MFA' || step.kind === 'MFA_SETUP' || step.kind === 'RESET_PASSWORD') && (
          <Field
            id="s-code"
            label={step.kind === 'RESET_PASSWORD' ? 'Kode dari email' : 'Kode autentikator'}
            hint={step.kind === 'RESET_PASSWORD' ? undefined : '6 angka dari aplikasi autentikator Anda.'}
            error={error?.forField('code')}
          >
            {input(code, setCode, { inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 6 })}
          </Field>
        )}
        {choosesPassword && (
          <>
            <Field id="s-new" label="Kata sandi baru" error={error?.forField('newPassword')}>
              {input(newPassword, setNewPassword, { autoComplete: 'new-password' }, 'password')}
            </Field>
            <Field id="s-repeat" label="Ulangi kata sandi baru" error={error?.forField('repeated')}>
              {input(repeated, setRepeated, { autoComplete: 'new-password' }, 'password')}
            </Field>
          </>
        )}
        <button type="submit" disabled={sending} aria-busy={sending}>
          {sending ? 'Memeriksa…' : SUBMIT_TEXT[step.kind]}
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
          {step.kind === 'PASSWORD' ? 'Lupa kata sandi?' : 'Kembali ke masuk dengan kata sandi'}
        </button>
      </p>
      <p class="muted">Warga tidak perlu akun: laporan dikirim dan dilacak dengan nomor pelacakan dan token akses.</p>
    </>
  );
}
