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
