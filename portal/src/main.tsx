import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { whenStaffUnauthorized } from './api';
import { CatalogueAdminPage } from './pages/catalogue-admin';
import { FeedPage } from './pages/feed';
import { HomePage } from './pages/home';
import { ServicePage, ServicesPage } from './pages/services';
import { SignInPage } from './pages/sign-in';
import { CalendarPage, CasePage, InboxPage } from './pages/staff';
import { StatsPage } from './pages/stats';
import { type Receipt, SubmitPage, SubmittedPage } from './pages/submit';
import { PublicComplaintPage, TrackForm, TrackPage } from './pages/track';
import { navigate, useRoute } from './router';
import { endStaffSession, staffSession } from './session';

const NAV: [string, string][] = [
  ['', 'Beranda'],
  ['kirim', 'Buat laporan'],
  ['lacak', 'Lacak'],
  ['publik', 'Laporan publik'],
  ['statistik', 'Statistik'],
  ['layanan', 'Standar layanan'],
  ['petugas', 'Petugas'],
];

function NotFound() {
  return (
    <>
      <h1>Halaman tidak ditemukan</h1>
      <p>
        <a href="#/">Kembali ke beranda</a>
      </p>
    </>
  );
}

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

  let page: preact.JSX.Element;
  if (first === '') page = <HomePage />;
  else if (first === 'kirim')
    page = (
      <SubmitPage
        onSubmitted={(r) => {
          setReceipt(r);
          navigate('terkirim');
        }}
      />
    );
  else if (first === 'terkirim') page = <SubmittedPage receipt={receipt} />;
  else if (first === 'lacak') page = second ? <TrackPage key={second} trackingId={second} tokenInLink={third} /> : <TrackForm />;
  else if (first === 'laporan' && second) page = <PublicComplaintPage trackingId={second} />;
  else if (first === 'publik') page = <FeedPage />;
  else if (first === 'statistik') page = <StatsPage />;
  else if (first === 'layanan') page = second ? <ServicePage key={second} serviceId={second} /> : <ServicesPage />;
  else if (first === 'petugas') {
    if (second === 'masuk' || !session) page = <SignInPage expired={expired} />;
    else if (second === 'kasus' && third) page = <CasePage key={third} session={session} trackingId={third} />;
    else if (second === 'kalender') page = <CalendarPage session={session} />;
    else if (second === 'layanan') page = <CatalogueAdminPage session={session} />;
    else page = <InboxPage session={session} />;
  } else page = <NotFound />;

  return (
    <>
      {/* A button, not a link: in a hash-routed page `#main` would be read as a route. */}
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        Langsung ke isi
      </button>
      <header class="site">
        <div class="site-bar">
          <a class="brand" href="#/">
            Aduan
          </a>
          <nav aria-label="Menu utama">
            <ul>
              {NAV.map(([path, text]) => (
                <li key={path}>
                  <a href={`#/${path}`} aria-current={first === path ? 'page' : undefined}>
                    {text}
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
                    Keluar ({session.staff.username})
                  </button>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
      <footer class="site">
        Aduan — layanan aspirasi dan pengaduan pelayanan publik. Data pribadi Anda dilindungi (UU 27/2022); identitas pelapor anonim tidak pernah diteruskan ke
        instansi.
      </footer>
    </>
  );
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
