import type { PolicyFor } from '../core/clocks';
import type {
  AgencyDirectory,
  CalendarSource,
  CalendarStore,
  ChainHeadLedger,
  ClientKeys,
  Clock,
  ComplaintStore,
  ContactHasher,
  CursorCodec,
  DigestLedger,
  Logger,
  Mailer,
  MessageQueue,
  RandomSource,
  ServiceCatalogue,
} from '../core/ports';
import type { AgencyReadiness, StaffAccounts, StaffRecords } from '../core/staff-ports';

/** The ports a use case receives, composed once per function at cold start (shared/deps.ts); never changed after. */
export interface Deps {
  store: ComplaintStore;
  /** Keys of client applications (Open311), as hashes. */
  clientKeys: ClientKeys;
  /** SIPP: services and the versions of their standards. */
  services: ServiceCatalogue;
  queue: MessageQueue;
  mailer: Mailer;
  clock: Clock;
  random: RandomSource;
  /** The working-day calendar in force, asked for by every use case that counts days. */
  calendar: CalendarSource;
  /** The Ombudsman digests sent. */
  digests: DigestLedger;
  /** The days' chain heads and their published digests. */
  chainHeads: ChainHeadLedger;
  /** Where operators' calendar changes are recorded. */
  calendarStore: CalendarStore;
  logger: Logger;
  /** Seals and opens page cursors (functions without the signing key refuse to page). */
  cursors: CursorCodec;
  /** Keyed hashes of contacts (the lookup of one person's complaints); absent in functions without the key. */
  contacts: ContactHasher;
  /** The clocks for a category at an agency (national defaults with per-stage overrides). */
  policyFor: PolicyFor;
  /** Whether an illegal-levy indicator flags a complaint for the Ombudsman at once (per stage). */
  illegalLevyToOmbudsman: boolean;
  /** Categories an operator switched to automatic routing (no verification step). */
  autoRoutedCategories: ReadonlySet<string>;
  /** The agency directory operators keep: contacts, active or not, liaisons (core/agency-contacts.ts). */
  directory: AgencyDirectory;
  /** The domain of agencies' default addresses (functions that send email only: the others fail on reading it). */
  agencyEmailDomain: string;
  /** Where officers open a complaint, in emails (functions that send email only). */
  portalUrl: string;
  /** The user pool's staff accounts (functions that administer them only). */
  staffAccounts: StaffAccounts;
  /** Every change of a staff account, and each agency's roster, in the table. */
  staffRecords: StaffRecords;
  /** The facts each agency's readiness is judged from, in the table. */
  readiness: AgencyReadiness;
}
