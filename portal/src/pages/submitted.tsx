import { useState } from 'preact/hooks';
import type { SubmissionOutput } from '../../../functions/contract/outputs/submission';
import { PageTitle } from '../components';
import { AttachmentUploader } from '../evidence';
import { STATUS_LABELS } from '../labels';

/** What the submission answers, as the API declares it (types only). */
export type Receipt = SubmissionOutput;

/** Shown once, right after sending: the tracking number and the token, with ways to keep them. */
export function SubmittedPage({ receipt }: { receipt: Receipt | undefined }) {
  const [copied, setCopied] = useState('');
  if (!receipt) {
    return (
      <>
        <PageTitle title="Laporan terkirim">Laporan terkirim</PageTitle>
        <p>
          Token akses hanya ditampilkan sekali. Jika Anda sudah menyimpannya, buka <a href="#/lacak">Lacak laporan</a>.
        </p>
      </>
    );
  }
  const personalLink = `${location.origin}/#/lacak/${encodeURIComponent(receipt.trackingId)}/${encodeURIComponent(receipt.accessToken)}`;
  const note = [
    'Laporan Aduan',
    `Nomor pelacakan: ${receipt.trackingId}`,
    `Token akses: ${receipt.accessToken}`,
    `Tautan pribadi: ${personalLink}`,
    '',
    'Simpan berkas ini. Siapa pun yang memegang token dapat membaca laporan Anda, termasuk identitas Anda.',
    '',
  ].join('\n');
  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied('');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([note], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `aduan-${receipt.trackingId}.txt`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <>
      <PageTitle title="Laporan terkirim">Laporan terkirim</PageTitle>
      <div class="notice" role="status">
        Terima kasih. Laporan Anda diterima dengan status <strong>{STATUS_LABELS[receipt.status]}</strong>.
      </div>
      <div class="card">
        <h2>Simpan sekarang: ditampilkan hanya sekali</h2>
        <p>Anda memerlukan nomor pelacakan dan token akses untuk melihat perkembangan, membalas, dan menilai tindak lanjut.</p>
        <dl class="facts">
          <dt>Nomor pelacakan</dt>
          <dd>
            <span class="secret" data-testid="tracking-id">
              {receipt.trackingId}
            </span>
          </dd>
          <dt>Token akses</dt>
          <dd>
            <span class="secret" data-testid="access-token">
              {receipt.accessToken}
            </span>
          </dd>
        </dl>
        <div class="actions-row">
          <button type="button" onClick={() => copy('token', `${receipt.trackingId} ${receipt.accessToken}`)}>
            Salin nomor dan token
          </button>
          <button type="button" class="secondary" onClick={() => copy('link', personalLink)}>
            Salin tautan pribadi
          </button>
          <button type="button" class="secondary" onClick={download}>
            Unduh sebagai berkas teks
          </button>
        </div>
        <p role="status" class="muted">
          {copied === 'token' ? 'Nomor dan token disalin.' : copied === 'link' ? 'Tautan pribadi disalin.' : ''}
        </p>
        <p class="hint">Tautan pribadi membuka laporan Anda tanpa mengetik token. Jangan bagikan: siapa pun yang memegangnya dapat membaca laporan Anda.</p>
        <a class="button" href={`#/lacak/${encodeURIComponent(receipt.trackingId)}/${encodeURIComponent(receipt.accessToken)}`}>
          Lihat laporan saya
        </a>
      </div>
      <h2>Lampirkan foto atau dokumen (opsional)</h2>
      <p>Foto kejadian atau kuitansi membantu instansi menindaklanjuti. Berkas dikirim langsung ke penyimpanan dan diperiksa dahulu.</p>
      <AttachmentUploader trackingId={receipt.trackingId} token={receipt.accessToken} staff={false} onUploaded={() => undefined} />
    </>
  );
}
