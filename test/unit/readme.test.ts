import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_NAMES } from '../../functions/core/actions';
import { STATUS as STATUS_LABELS } from '../../functions/core/labels';
import { DEMO_USERS } from '../../local/staff-seed';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README stays true', () => {
  it('documents every action and every state label of the state machine', () => {
    for (const a of ACTION_NAMES) expect(readme, a).toContain(`\`${a}\``);
    for (const [state, label] of Object.entries(STATUS_LABELS)) {
      expect(readme, state).toContain(`\`${state}\``);
      expect(readme, label.id).toContain(label.id);
    }
  });

  it('lists every seeded demo user', () => {
    for (const u of DEMO_USERS) expect(readme).toContain(`\`${u.username}\``);
  });
});
