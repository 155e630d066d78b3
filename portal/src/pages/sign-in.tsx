import { useState } from 'preact/hooks';
import type { SessionOutput } from '../../../functions/contract/outputs/session';
import { ApiError, call } from '../api';
import { ErrorSummary, Field, PageTitle } from '../components';
import { navigate } from '../router';
import { startStaffSession } from '../session';

/** What the sign-in asks for next: the password, an authenticator code, or a password of one's own. */
type Step =
  | { kind: 'PASSWORD' }
  | { kind: 'MFA'; session: string }
  | { kind: 'NEW_PASSWORD'; session: string }
  | { kind: 'MFA_SETUP'; session: string; secret: string; otpauthUri: string };

/**
 * Staff sign-in: password, then — on a first sign-in with the invitation's temporary password —
 * a password of one's own, and the authenticator code when the pool requires MFA (prod).
 */
export function SignInPage({ expired }: { expired: boolean }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'PASSWORD' });
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending) return;
    setSending(true);
    setError(undefined);
    if (step.kind === 'NEW_PASSWORD' && newPassword !== repeated) {
      setError(
        new ApiError(400, 'Kata sandi tidak sama', 'Ketik kata sandi baru yang sama dua kali.', [
          { field: 'repeated', message: 'tidak sama dengan kata sandi baru' },
        ]),
      );
      setSending(false);
      return;
    }
    try {
      const body =
        step.kind === 'MFA' || step.kind === 'MFA_SETUP'
          ? { step: step.kind, username, session: step.session, code }
          : step.kind === 'NEW_PASSWORD'
            ? { step: 'NEW_PASSWORD', username, session: step.session, newPassword }
            : { step: 'PASSWORD', username, password };
      const answer = await call<SessionOutput>('/v1/sessions', { body });
      if ('next' in answer) {
        setStep(
          answer.next === 'MFA_SETUP'
            ? { kind: 'MFA_SETUP', session: answer.session, secret: answer.secret, otpauthUri: answer.otpauthUri }
            : { kind: answer.next, session: answer.session },
        );
        setPassword('');
        setCode('');
      } else {
        startStaffSession(answer.idToken, answer.expiresIn, answer.staff);
        navigate('petugas');
      }
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(0, 'Galat', String(err));
      // An expired session starts over at the password.
      if (step.kind !== 'PASSWORD' && apiError.status === 401 && /kedaluwarsa/i.test(apiError.detail)) setStep({ kind: 'PASSWORD' });
      setError(apiError);
    } finally {
      setSending(false);
    }
  };

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
      {step.kind === 'NEW_PASSWORD' && (
        <p class="notice" role="status">
          Ini masuk pertama Anda (atau kata sandi Anda baru diatur ulang). Buat kata sandi Anda sendiri: minimal 12 karakter, dengan huruf besar, huruf kecil,
          angka dan simbol.
        </p>
      )}
      {step.kind === 'MFA_SETUP' && (
        <div class="notice" role="status">
          <p>Akun petugas memerlukan aplikasi autentikator (misalnya Google Authenticator atau Aegis). Tambahkan akun di aplikasi dengan kunci ini:</p>
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
        {step.kind === 'PASSWORD' ? (
          <>
            <Field id="s-username" label="Nama pengguna" error={error?.forField('username')}>
              {(aria) => (
                <input
                  type="text"
                  {...aria}
                  value={username}
                  onInput={(e) => setUsername((e.target as HTMLInputElement).value)}
                  autoComplete="username"
                  autoCapitalize="none"
                />
              )}
            </Field>
            <Field id="s-password" label="Kata sandi" error={error?.forField('password')}>
              {(aria) => (
                <input
                  type="password"
                  {...aria}
                  value={password}
                  onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
                  autoComplete="current-password"
                />
              )}
            </Field>
          </>
        ) : step.kind === 'NEW_PASSWORD' ? (
          <>
            <Field id="s-new" label="Kata sandi baru" error={error?.forField('newPassword')}>
              {(aria) => (
                <input
                  type="password"
                  {...aria}
                  value={newPassword}
                  onInput={(e) => setNewPassword((e.target as HTMLInputElement).value)}
                  autoComplete="new-password"
                />
              )}
            </Field>
            <Field id="s-repeat" label="Ulangi kata sandi baru" error={error?.forField('repeated')}>
              {(aria) => (
                <input
                  type="password"
                  {...aria}
                  value={repeated}
                  onInput={(e) => setRepeated((e.target as HTMLInputElement).value)}
                  autoComplete="new-password"
                />
              )}
            </Field>
          </>
        ) : (
          <Field id="s-code" label="Kode autentikator" hint="6 angka dari aplikasi autentikator Anda." error={error?.forField('code')}>
            {(aria) => (
              <input
                type="text"
                {...aria}
                value={code}
                onInput={(e) => setCode((e.target as HTMLInputElement).value)}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
              />
            )}
          </Field>
        )}
        <button type="submit" disabled={sending} aria-busy={sending}>
          {sending
            ? 'Memeriksa…'
            : step.kind === 'MFA'
              ? 'Verifikasi kode'
              : step.kind === 'MFA_SETUP'
                ? 'Aktifkan autentikator dan masuk'
                : step.kind === 'NEW_PASSWORD'
                  ? 'Simpan kata sandi dan masuk'
                  : 'Masuk'}
        </button>
      </form>
      <p class="muted">Warga tidak perlu akun: laporan dikirim dan dilacak dengan nomor pelacakan dan token akses.</p>
    </>
  );
}
