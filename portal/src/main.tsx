import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, type Language } from '../../functions/core/labels';
import { call, whenStaffUnauthorized } from './api';
import { BackLink } from './components';
import { chooseLanguage, LANGUAGE, LANGUAGE_NAMES, type MessageKey, t } from './i18n';
import { CatalogueAdminPage } from './pages/catalogue-admin';
import { CompliancePage, ScorecardPage } from './pages/compliance';
import { FeedPage } from './pages/feed';
import { HomePage } from './pages/home';
import { ReadinessPage } from './pages/readiness';
import { ServicePage, ServicesPage } from './pages/services';
import { SignInPage } from './pages/sign-in';
import { CalendarPage, CasePage, InboxPage } from './pages/staff';
import { StaffAccountsPage } from './pages/staff-accounts';
import { StatsPage } from './pages/stats';
import { SubmitPage } from './pages/submit';
import { type Receipt, SubmittedPage } from './pages/submitted';
import { PublicComplaintPage, TrackForm, TrackPage } from './pages/track';
import { navigate, useRoute } from './router';
import { endStaffSession, staffSession } from './session';

const NAV: [string, MessageKey][] = [
  ['', 'nav.home'],
  ['kirim', 'nav.submit'],
  ['lacak', 'nav.track'],
  ['publik', 'nav.feed'],
  ['statistik', 'nav.stats'],
  ['kepatuhan', 'nav.compliance'],
  ['layanan', 'nav.services'],
  ['petugas', 'nav.staff'],
];

function NotFound() {
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <BackLink href="#/">{t('notFound.back')}</BackLink>
    </>
  );
}

/**
 * The other languages, each offered in its own words. A signed-in officer's choice is also kept in
 * their profile, so their next sign-in anywhere opens in it.
 */
function LanguageChoice({ session }: { session: ReturnType<typeof staffSession> }) {
  const choose = async (l: Language) => {
    if (session)
      await call(`/v1/staff/${encodeURIComponent(session.staff.username)}/actions`, {
        body: { action: 'SET_LANGUAGE', language: l },
        token: session.idToken,
        staff: true,
      }).catch(() => undefined);
    chooseLanguage(l);
  };
  return (
    <ul class="languages" aria-label={t('nav.language')}>
      {LANGUAGES.filter((l) => l !== LANGUAGE).map((l) => (
        <li key={l}>
          <button type="button" class="link nav-button" lang={l} onClick={() => choose(l)}>
            {LANGUAGE_NAMES[l]}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** What a page is drawn from: the rest of the route, the staff session, the receipt of a submission. */
interface PageContext {
  second: string | undefined;
  third: string | undefined;
  session: ReturnType<typeof staffSession>;
  expired: boolean;
  receipt: Receipt | undefined;
  onSubmitted: (r: Receipt) => void;
}

/** The pages by the first part of the hash route (`#/lacak/<id>/<token>` → `lacak`). */
const PAGES: Record<string, (c: PageContext) => preact.JSX.Element> = {
  '': () => <HomePage />,
  kirim: (c) => <SubmitPage onSubmitted={c.onSubmitted} />,
  terkirim: (c) => <SubmittedPage receipt={c.receipt} />,
  lacak: (c) => (c.second ? <TrackPage key={c.second} trackingId={c.second} tokenInLink={c.third} /> : <TrackForm />),
  laporan: (c) => (c.second ? <PublicComplaintPage trackingId={c.second} /> : <NotFound />),
  publik: () => <FeedPage />,
  statistik: () => <StatsPage />,
  kepatuhan: (c) => (c.second ? <ScorecardPage key={c.second} agencyId={c.second} /> : <CompliancePage />),
  layanan: (c) => (c.second ? <ServicePage key={c.second} serviceId={c.second} /> : <ServicesPage />),
  petugas: (c) => {
    if (c.second === 'masuk' || !c.session)
      return <SignInPage expired={c.expired} returnTo={['petugas', ...(c.second && c.second !== 'masuk' ? [c.second, ...(c.third ? [c.third] : [])] : [])]} />;
    const staffPage = STAFF_PAGES[c.second ?? ''] ?? inbox;
    return staffPage({ ...c, session: c.session });
  },
};

/** The staff pages by the second part (`#/petugas/kasus/<id>`); anything else opens the inbox. */
type StaffPage = (c: PageContext & { session: NonNullable<PageContext['session']> }) => preact.JSX.Element;
const inbox: StaffPage = (c) => <InboxPage session={c.session} />;
const STAFF_PAGES: Record<string, StaffPage> = {
  kasus: (c) => (c.third ? <CasePage key={c.third} session={c.session} trackingId={c.third} /> : inbox(c)),
  kalender: (c) => <CalendarPage session={c.session} />,
  layanan: (c) => <CatalogueAdminPage session={c.session} />,
  akun: (c) => <StaffAccountsPage session={c.session} />,
  kesiapan: (c) => <ReadinessPage session={c.session} />,
};

function App() {
  const route = useRoute();
  const [receipt, setReceipt] = useState<Receipt>();
  const [expired, setExpired] = useState(false);
  const session = staffSession();
  useEffect(
    () =>
      whenStaffUnauthorized(() => {
        endStaffSession();
        setExpired(true);
        navigate('petugas', 'masuk');
      }),
    [],
  );
  const [first = '', second, third] = route;
  const ctx: PageContext = {
    second,
    third,
    session,
    expired,
    receipt,
    onSubmitted: (r) => {
      setReceipt(r);
      navigate('terkirim');
    },
  };
  const page = (PAGES[first] ?? (() => <NotFound />))(ctx);

  return (
    <>
      {/* A button, not a link: in a hash-routed page `#main` would be read as a route. */}
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        {t('nav.skip')}
      </button>
      <header class="site">
        <div class="site-bar">
          <a class="brand" href="#/">
            Aduan
          </a>
          <nav aria-label={t('nav.menu')}>
            <ul>
              {NAV.map(([path, text]) => (
                <li key={path}>
                  <a href={`#/${path}`} aria-current={first === path ? 'page' : undefined}>
                    {t(text)}
                  </a>
                </li>
              ))}
              {session && (
                <li>
                  <button
                    type="button"
                    class="link nav-button"
                    onClick={() => {
                      endStaffSession();
                      setExpired(false);
                      navigate();
                    }}
                  >
                    {t('nav.signOut', { username: session.staff.username })}
                  </button>
                </li>
              )}
            </ul>
          </nav>
          <LanguageChoice session={session} />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
      <footer class="site">{t('footer')}</footer>
    </>
  );
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
