/**
 * Whether an agency's complaint unit is ready (issue 21): a checklist computed from what exists —
 * never ticked by hand — in the order an agency does it: an administrator, a confirmed complaint
 * desk address, an officer, its service standards, a liaison. The facts are kept as they change
 * (ports.ts AgencyReadiness); this module only judges them.
 */
import type { Agency } from './agencies';
import { agencies } from './agencies';

/** What readiness is judged from; a fact never noted counts as nothing yet. */
export interface ReadinessFacts {
  /** The directory holds an address an operator set (not the default `<agencyId>@<domain>`). */
  deskEmail?: boolean;
  /** Liaisons in the directory. */
  liaisons?: number;
  /** Active (signed-in, enabled) administrators and officers of the agency. */
  administrators?: number;
  officers?: number;
  /** Active services in the catalogue (each one's standard carries all 14 components: the schema holds it). */
  services?: number;
}

export const READINESS_STEPS = ['ADMINISTRATOR', 'DESK_ADDRESS', 'OFFICER', 'SERVICE_STANDARDS', 'LIAISON'] as const;
export type ReadinessStep = (typeof READINESS_STEPS)[number];

interface StepRule {
  done: (f: ReadinessFacts) => boolean;
  /** What is there, and what to do when it is not, for the agency's administrator. */
  detail: (f: ReadinessFacts) => string;
  next: string;
}

const RULES: Record<ReadinessStep, StepRule> = {
  ADMINISTRATOR: {
    done: (f) => (f.administrators ?? 0) > 0,
    detail: (f) => `${f.administrators ?? 0} admin instansi aktif`,
    next: 'Operator mengundang admin instansi; admin masuk pertama kali dan membuat kata sandinya.',
  },
  DESK_ADDRESS: {
    done: (f) => f.deskEmail === true,
    detail: (f) => (f.deskEmail ? 'alamat email pengaduan ditetapkan' : 'masih alamat bawaan'),
    next: 'Operator menetapkan alamat email meja pengaduan instansi di direktori.',
  },
  OFFICER: {
    done: (f) => (f.officers ?? 0) > 0,
    detail: (f) => `${f.officers ?? 0} petugas aktif`,
    next: 'Admin instansi mengundang petugas pengaduan; petugas masuk pertama kali.',
  },
  SERVICE_STANDARDS: {
    done: (f) => (f.services ?? 0) > 0,
    detail: (f) => `${f.services ?? 0} layanan dengan standar pelayanan lengkap`,
    next: 'Admin instansi menerbitkan standar pelayanan (14 komponen) setiap layanannya.',
  },
  LIAISON: {
    done: (f) => (f.liaisons ?? 0) > 0,
    detail: (f) => `${f.liaisons ?? 0} petugas penghubung`,
    next: 'Operator mencatat petugas penghubung instansi di direktori.',
  },
};

export interface Readiness {
  agencyId: string;
  name: string;
  level: Agency['level'];
  provinceCode?: string;
  ready: boolean;
  steps: { step: ReadinessStep; done: boolean; detail: string; next?: string }[];
  /** The first step not done: what to do now. */
  nextStep?: ReadinessStep;
}

export const provinceOf = (a: Agency) => a.regionCode?.slice(0, 2);

export function readinessOf(agency: Agency, facts: ReadinessFacts = {}): Readiness {
  const steps = READINESS_STEPS.map((step) => {
    const rule = RULES[step];
    const done = rule.done(facts);
    return { step, done, detail: rule.detail(facts), ...(done ? {} : { next: rule.next }) };
  });
  const nextStep = steps.find((s) => !s.done)?.step;
  const province = provinceOf(agency);
  return {
    agencyId: agency.id,
    name: agency.name,
    level: agency.level,
    ...(province ? { provinceCode: province } : {}),
    ready: nextStep === undefined,
    steps,
    ...(nextStep ? { nextStep } : {}),
  };
}

/** The local governments (provinces, regencies and cities) Aduan connects: the 552 of the rollout. */
export const LOCAL_GOVERNMENTS = agencies.filter((a) => a.level === 'PROVINCE' || a.level === 'REGENCY');
