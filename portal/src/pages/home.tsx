import { call } from '../api';
import { PageTitle, useLoad } from '../components';
import { type FeedItem, FeedList } from './feed';

export function HomePage() {
  const latest = useLoad(() => call<{ items: FeedItem[] }>('/v1/complaints?limit=5'), []);
  return (
    <>
      <PageTitle title="Beranda">Sampaikan laporan Anda tentang pelayanan publik</PageTitle>
      <p class="lead">
        Jalan rusak, KTP-el yang tak kunjung jadi, pungutan di sekolah: laporkan di sini. Laporan Anda diteruskan ke instansi yang berwenang, dan setiap tahap
        ada tenggatnya dalam hari kerja.
      </p>
      <div class="actions-row">
        <a class="button" href="#/kirim">
          Buat laporan
        </a>
        <a class="button secondary" href="#/lacak">
          Lacak laporan
        </a>
      </div>
      <div class="card">
        <h2>Bagaimana laporan ditangani</h2>
        <ol>
          <li>Verifikator memeriksa laporan dan meneruskannya ke instansi yang berwenang (3 hari kerja).</li>
          <li>Instansi menindaklanjuti (5 hari kerja); jika terlambat, laporan dieskalasi ke instansi di atasnya.</li>
          <li>Anda menilai tindak lanjutnya. Jika tetap tidak ditangani, Ombudsman RI memeriksanya.</li>
        </ol>
      </div>
      <h2>Laporan terbaru</h2>
      {latest.data ? <FeedList items={latest.data.items} /> : <p class="muted">{latest.error ? latest.error.detail : 'Memuat…'}</p>}
      <p>
        <a href="#/publik">Semua laporan publik</a> · <a href="#/statistik">Statistik penanganan</a>
      </p>
    </>
  );
}
