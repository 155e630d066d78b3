/**
 * Likely duplicates: many citizens report the same broken bridge. A candidate shares the
 * complaint's regency and category (the store only offers those) and is scored on what a verifier
 * would weigh — similar words, close in time, close in place — with the reasons shown beside it.
 */
import type { Complaint } from './complaint';

/** How far back candidates are looked for, and how many are examined and shown. */
export const DUPLICATE_SEARCH = { windowDays: 60, examine: 40, show: 5, minScore: 0.3 } as const;

export interface DuplicateCandidate {
  trackingId: string;
  title: string;
  status: Complaint['status'];
  submittedAt: string;
  /** 0–1: how likely the same matter. */
  score: number;
  /** Why, in the verifier's words. */
  reasons: string[];
}

// Words that say nothing about what the complaint is about (Indonesian function words and report boilerplate).
const STOPWORDS = new Set(
  'yang dan di ke dari ini itu sejak untuk dengan pada ada tidak sudah belum saya kami kita mereka atau juga karena oleh sangat lebih masih akan telah bisa dapat sebagai dalam para pak bu mohon tolong segera laporan lapor warga'.split(
    ' ',
  ),
);

/** The meaningful words of a text: lower case, letters and digits, no function words, no one-letter tokens. */
export function wordsOf(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 1 && !STOPWORDS.has(w)),
  );
}

/** Jaccard similarity of two word sets. */
export function textSimilarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const located = (c: Complaint) =>
  c.location.latitude !== undefined && c.location.longitude !== undefined ? { latitude: c.location.latitude, longitude: c.location.longitude } : undefined;

/** Scores one candidate against the complaint; undefined when it is the same complaint or no plausible duplicate. */
export function scoreCandidate(c: Complaint, other: Complaint): DuplicateCandidate | undefined {
  if (other.trackingId === c.trackingId || other.status === 'ARCHIVED') return undefined;
  const text = textSimilarity(wordsOf(`${c.title} ${c.description}`), wordsOf(`${other.title} ${other.description}`));
  const days = Math.abs(Date.parse(c.submittedAt) - Date.parse(other.submittedAt)) / 86_400_000;
  const time = Math.max(0, 1 - days / DUPLICATE_SEARCH.windowDays);
  const here = located(c);
  const there = located(other);
  const metres = here && there ? distanceMetres(here, there) : undefined;
  // Unknown places neither help nor hurt; within 300 m is the same spot, beyond 5 km another.
  const place = metres === undefined ? 0.5 : metres <= 300 ? 1 : Math.max(0, 1 - (metres - 300) / 4700);
  // Time and place alone make no duplicate: the words must overlap, or the spot be the same.
  if (text < 0.1 && !(metres !== undefined && metres <= 300)) return undefined;
  const score = Math.round((0.6 * Math.min(1, text * 2) + 0.2 * time + 0.2 * place) * 100) / 100;
  if (score < DUPLICATE_SEARCH.minScore) return undefined;
  const reasons = ['kategori dan kabupaten/kota sama', `kemiripan teks ${Math.round(text * 100)}%`, `selisih ${Math.round(days)} hari`];
  if (metres !== undefined) reasons.push(metres < 1000 ? `berjarak ${Math.round(metres)} m` : `berjarak ${(metres / 1000).toFixed(1)} km`);
  return { trackingId: other.trackingId, title: other.title, status: other.status, submittedAt: other.submittedAt, score, reasons };
}

/** The likeliest duplicates among the candidates, best first. */
export function rankDuplicates(c: Complaint, candidates: Complaint[]): DuplicateCandidate[] {
  return candidates
    .flatMap((o) => scoreCandidate(c, o) ?? [])
    .sort((a, b) => b.score - a.score || a.submittedAt.localeCompare(b.submittedAt))
    .slice(0, DUPLICATE_SEARCH.show);
}
