/**
 * Each function's needs, declared once (functions/needs.ts): a handler gets exactly the ports its
 * list names — typed from the list, so asking for another does not compile (the @ts-expect-error
 * lines below fail `npm test`'s type check the day they would compile) — and every variable the
 * needs bring must be there at cold start.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { envNamesOfNeeds, type PortsOf } from '../../functions/capabilities';
import type { Mailer } from '../../functions/core/ports';
import { NEEDS } from '../../functions/needs';
import { portsFor } from '../../functions/shared/deps';
import { FUNCTIONS } from '../../lib/wiring';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('capabilities', () => {
  it('type a handler’s ports from its needs: an undeclared port does not compile', () => {
    const listServices = (ports: PortsOf<typeof NEEDS.ListServices>) => {
      // Declared: the table's ports and the cursor key.
      const declared = [ports.store, ports.services, ports.cursors, ports.clock, ports.logger];
      // @ts-expect-error ListServices sends no mail: its handler cannot ask for a mailer
      const mailer: Mailer = ports.mailer;
      // @ts-expect-error nor send to a queue
      const queue = ports.queue;
      return [...declared, mailer, queue];
    };
    const notify = () =>
      // @ts-expect-error SendNotification mails and opens identities: its handler must pass both adapters
      portsFor(NEEDS.SendNotification, { keys: { contactLookup: 'x'.repeat(40) } });
    expect([typeof listServices, typeof notify]).toEqual(['function', 'function']);
  });

  it('build exactly the declared ports, and refuse at cold start a variable the needs bring that is missing', () => {
    Object.assign(process.env, { TABLE_NAME: 'complaints', CURSOR_KEY_SECRET_ARN: 'arn:secret' });
    const ports = portsFor(NEEDS.ListServices, { keys: { cursor: 'k'.repeat(40) } });
    expect(Object.keys(ports).sort()).toEqual(
      [
        'calendar',
        'calendarStore',
        'chainHeads',
        'clientKeys',
        'clock',
        'cursors',
        'digests',
        'directory',
        'logger',
        'random',
        'services',
        'readiness',
        'staffRecords',
        'store',
      ].sort(),
    );
    delete process.env.CURSOR_KEY_SECRET_ARN;
    expect(() => portsFor(NEEDS.ListServices, { keys: { cursor: 'k'.repeat(40) } })).toThrow('CURSOR_KEY_SECRET_ARN');
  });

  it('are the wiring’s only source of a function’s needs and environment', () => {
    for (const f of FUNCTIONS) expect(f.needs, f.id).toBe(NEEDS[f.id as keyof typeof NEEDS]);
    expect(FUNCTIONS.map((f) => f.id).sort()).toEqual(Object.keys(NEEDS).sort());
    expect(envNamesOfNeeds(NEEDS.SendNotification)).toEqual(
      expect.arrayContaining(['TABLE_NAME', 'IDEMPOTENCY_TABLE_NAME', 'MAIL_FROM', 'PORTAL_URL', 'CONTACT_KEY_SECRET_ARN', 'IDENTITY_KEY_ID']),
    );
  });
});
