import { LOCAL_CLOCK_OFFSET_ENV, systemClock } from '../functions/adapters/system';
import { CALENDAR_YEAR_RANGE, withinCalendarRange } from '../functions/core/working-days';

/** ISO 8601 durations as people write them: P5D, PT36H, P1W, P2DT3H30M. */
function parseDuration(text: string): number | undefined {
  const m = text.match(/^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, w, d, h, min, s] = m.map((x) => Number(x ?? 0));
  return (((w ?? 0) * 7 + (d ?? 0)) * 86_400 + (h ?? 0) * 3_600 + (min ?? 0) * 60 + (s ?? 0)) * 1000;
}

/** The handlers' own clock: the local system reads the time they read. */
export const localNow = () => systemClock.now();

export const localClockState = () => ({ now: localNow().toISOString(), offsetMs: Number(process.env[LOCAL_CLOCK_OFFSET_ENV] ?? 0) });

/** POST /_local/clock: `{"advance": "P5D"}` or `{"set": "2026-12-01T09:00:00+08:00"}`; `{"reset": true}` goes back to real time. */
export function changeLocalClock(body: unknown): { status: number; body: unknown } {
  const b = (body ?? {}) as { advance?: unknown; set?: unknown; reset?: unknown };
  let offset = Number(process.env[LOCAL_CLOCK_OFFSET_ENV] ?? 0);
  if (b.reset === true) offset = 0;
  else if (typeof b.advance === 'string') {
    const ms = parseDuration(b.advance);
    if (ms === undefined)
      return { status: 400, body: { title: 'Permintaan tidak valid', errors: [{ field: 'advance', message: 'durasi ISO 8601, mis. P5D atau PT12H' }] } };
    offset += ms;
  } else if (typeof b.set === 'string' && !Number.isNaN(Date.parse(b.set))) offset = Date.parse(b.set) - Date.now();
  else
    return {
      status: 400,
      body: { title: 'Permintaan tidak valid', errors: [{ field: '(body)', message: '{"advance": "P5D"}, {"set": "<ISO>"} atau {"reset": true}' }] },
    };
  // The calendar computes within its year range; a clock outside it would only make every handler fail.
  if (!withinCalendarRange(new Date(Date.now() + offset)))
    return {
      status: 400,
      body: {
        title: 'Permintaan tidak valid',
        errors: [{ field: '(body)', message: `jam lokal harus tetap di tahun ${CALENDAR_YEAR_RANGE.min}–${CALENDAR_YEAR_RANGE.max}` }],
      },
    };
  process.env[LOCAL_CLOCK_OFFSET_ENV] = String(offset);
  return { status: 200, body: localClockState() };
}
