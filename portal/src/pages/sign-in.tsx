import { useState } from 'preact/hooks';
import type { SessionOutput } from '../../../functions/contract/outputs/session';
import { ApiError, call } from '../api';
import { ErrorSummary, Field, PageTitle } from '../components';
import { navigate } from '../router';
import { startStaffSession } from '../session';

/** Staff sign-in: password, then the authenticator code when the pool requires MFA (prod). */
export function SignInPage({ expired }: { expired: boolean }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [mfaSession, setMfaSession] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending) return;
    setSending(true);
    setError(undefined);
    try {
      const body = mfaSession ? { step: 'MFA', username, session: mfaSession, code } : { step: 'PASSWORD', username, password };
      const answer = await call<SessionOutput>('/v1/sessions', { body });
      if ('next' in answer) {
        setMfaSession(answer.session);
        setPassword('');
      } else {
        startStaffSession(answer.idToken, answer.expiresIn, answer.staff);
        navigate('petugas');
      }
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(0, 'Galat', String(err));
      // An expired MFA session starts over at the password.
      if (mfaSession && apiError.status === 401 && /kedaluwarsa/i.test(apiError.detail)) setMfaSession(undefined);
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
      {error && <ErrorSummary error={error} fieldIds={{ username: 's-username', password: 's-password', code: 's-code' }} />}
      <form onSubmit={submit} noValidate class="card">
        {!mfaSession ? (
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
          {sending ? 'Memeriksa…' : mfaSession ? 'Verifikasi kode' : 'Masuk'}
        </button>
      </form>
      <p class="muted">Warga tidak perlu akun: laporan dikirim dan dilacak dengan nomor pelacakan dan token akses.</p>
    </>
  );
}
