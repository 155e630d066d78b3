import { waitFor } from './network';

export const submission = (over: Record<string, unknown> = {}) => ({
  type: 'COMPLAINT',
  title: 'Sampah menumpuk di Pasar Kuta',
  description: 'Sampah di depan Pasar Kuta tidak diangkut selama dua minggu dan mulai berbau.',
  categoryId: 'kebersihan-sampah',
  location: { regionCode: '51.03', address: 'Jl. Raya Kuta' },
  anonymous: false,
  confidential: false,
  reporter: { name: 'Ni Luh Putu Ayu', email: 'putu.ayu@example.com', phone: '081234567890' },
  ...over,
});

export interface CapturedEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

export async function mailbox(mailUrl: string): Promise<CapturedEmail[]> {
  const res = await fetch(`${mailUrl}/store`);
  return ((await res.json()) as { emails: CapturedEmail[] }).emails;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

export async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

/**
 * Complaints Badung's officer answers at once, through the API (waste collection is routed straight
 * to Badung locally): what the compliance figures of a month are made of in the e2e and browser tests.
 */
export async function answeredByBadung(api: string, officerToken: string, count: number, reporter?: { name: string; email: string }): Promise<string[]> {
  const officer = { authorization: `Bearer ${officerToken}` };
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await post(`${api}/v1/complaints`, {
      type: 'COMPLAINT',
      title: `Sampah tidak diangkut di Banjar ${i + 1}`,
      description: 'Sampah rumah tangga tidak diangkut selama seminggu di banjar kami.',
      categoryId: 'kebersihan-sampah',
      location: { regionCode: '51.03' },
      anonymous: !reporter,
      confidential: false,
      ...(reporter ? { reporter } : {}),
    });
    const id = created.body.trackingId as string;
    await waitFor(async () => (await get(`${api}/v1/complaints/${id}`, officer)).body.status === 'ASSIGNED', 20_000);
    for (const action of [{ action: 'ACKNOWLEDGE' }, { action: 'RESPOND', message: 'Petugas kebersihan dijadwalkan mengangkut sampah besok pagi.' }]) {
      const r = await post(`${api}/v1/complaints/${id}/actions`, action, officer);
      if (r.status !== 200) throw new Error(`${action.action} on ${id}: ${r.status}`);
    }
    ids.push(id);
  }
  return ids;
}
