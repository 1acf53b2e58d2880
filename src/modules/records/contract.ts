import type { z } from 'zod';
import type { CommandContext, EventRoles, EventType, JournalEntry, Role } from '../../journal/types';
import type { PersonName, Place } from '../persons/store';
import type { RecordEvents } from './events';
import type { CourtOrder, RecordFlag } from './rules';

export type { CourtOrder } from './rules';
import type { CivilEvent, CivilRecord } from './store';
import type { KindStatistics } from './tally';

/**
 * The kind contract: everything the service needs to know of one kind of record (birth,
 * marriage, divorce, death, …). Each kind's folder exports one `KindContract`; the registry
 * (`src/record-kinds.ts`) lists them, and everything else is built from that list: the kind enum
 * and the registration-number pattern, the declaration routes and their permissions, the event
 * catalogue, the feed's types, the certificates' types, titles and labels. A part left out is a
 * compile error, not a raw key on a PDF.
 */
export interface KindContract<
  K extends string = string,
  F extends object = object,
  C extends object = object,
  B = unknown,
  E extends object = Record<string, unknown>,
  T extends CertifiedFacts = CertifiedFacts,
  D = never,
> {
  kind: K;
  /** The registration number's letter: OFFICE-YEAR-<letter>-000123. One capital letter, unique among kinds. */
  letter: string;
  schemas: KindSchemas<C>;
  /** The kind's own journal events, each projected or audit-only. */
  events: EventRoles<E>;
  /** Of its events, those a sectoral system may follow in the feed (its registration). */
  feed: readonly EventType<E>[];
  declaration: Declaration<B>;
  certificate: CertificateWords<T>;
  /** The kind's table in the vital statistics and what a registered record adds to it; none when it is not counted. */
  statistics?: KindStatistics<F>;
  /** The kind's part in the office's work: what a list shows of its records, the flags it raises. */
  work: KindWork<F>;
  /**
   * The kind's field groups for the correction policy (civil-status/law.ts `corrections`): each
   * group's fact paths as a correction's changes name them (`child.givenName`, `causeOfDeath`);
   * a path in no group is in `other`.
   */
  correctionGroups?: CorrectionGroups;
  /** The kind's behaviour on the service's stores, built once at start. */
  handler: (deps: D) => KindHandler<F, C, B, T>;
}

/** Field group -> the fact paths in it (a path covers the fields below it: `causeOfDeath` covers `causeOfDeath.icd10`). */
export type CorrectionGroups = Readonly<Record<string, readonly string[]>>;

/** A name as a declaration gives it: a notified child may have no given name yet. */
export type DeclaredName = Partial<Pick<PersonName, 'givenName' | 'fatherName' | 'grandfatherName' | 'familyName'>>;

/** Whom a record is about and when its event was, as lists and work queues show it. */
export interface RecordSummary {
  /** The people it is about: by NIN (their current name is looked up when listed) or by the name declared. */
  subjects: ReadonlyArray<{ nin: string } | { name: DeclaredName }>;
  /** The date the event occurred (YYYY-MM-DD). */
  eventDate: string;
}

/**
 * What a kind adds to the office's work, as plain functions of a record (method syntax: the
 * registry holds every kind's as `KindWork` of plain objects).
 */
export interface KindWork<F extends object = object> {
  summary(facts: F): RecordSummary;
  /** Flags the kind raises from a record's facts (a notified birth without the child's name: `incomplete`). */
  flags?(record: CivilRecord<F>): readonly RecordFlag[];
  /**
   * What the legal deadline of a declaration depends on: which deadline of the law applies, the
   * event's date and whether it happened in a health facility. None for a kind without a deadline.
   */
  timeliness?(record: CivilRecord<F>): TimelinessFacts;
}

/** What a declaration's deadline is reckoned from; the law (civil-status/law.ts) gives the days of each deadline. */
export interface TimelinessFacts {
  deadline: 'birth' | 'death';
  eventDate: string;
  inHealthFacility: boolean;
}

/** The schemas of one kind: static, so the contract is generated without a database. */
export interface KindSchemas<C extends object = object> {
  /** The facts a declaration of this kind carries (its declaration body). */
  facts: z.ZodType<object>;
  /** `changes` in a correction of this kind. */
  changes: z.ZodType<C>;
  /** The fields the kind's facts add to a record as presented. */
  view: Record<string, z.ZodType>;
}

/** The route that declares a record of the kind, and who may use it. */
export interface Declaration<B> {
  path: `/v1/${string}`;
  operationId: string;
  /** Named after the kind (`births.declare`); its rule is `roles`, entered in the policy table at start. */
  permission: `${string}.declare`;
  roles: readonly Role[];
  tag: string;
  summary: string;
  body: z.ZodType<B>;
}

/**
 * The words of a certificate, in every language the certificates speak: Arabic, Sorani Kurdish
 * (`ckb`, Arabic script) and English. Iraq's constitution (art. 4) makes Arabic and Kurdish its
 * official languages; a kind without its Kurdish words does not compile.
 */
export interface Words {
  ar: string;
  ckb: string;
  en: string;
}

/** A person as a certificate names them. */
export interface CertifiedPerson {
  nin?: string;
  name?: PersonName;
  sex?: string;
  dateOfBirth?: string;
  placeOfBirth?: Place;
}

/** What a certificate may certify: names, NINs, dates, places, words, counts and court orders, nothing else. */
export type CertifiedValue =
  string | number | Place | PersonName | CertifiedPerson | readonly CertifiedPerson[] | readonly CourtOrder[];
export type CertifiedFacts = { readonly [key: string]: CertifiedValue | undefined };

/** Fact keys every certificate labels the same way (certificates/labels.ts); a kind labels the rest. */
export type CommonFactKey = keyof CertifiedPerson | 'courtReference' | 'correctedByCourtOrder';

/** The keys of certified facts whose values are codes: a union of words, not any string (a divorce's type). */
export type CodedKey<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends string ? (string extends NonNullable<T[K]> ? never : K) : never;
}[keyof T];

/**
 * Words for every code a certificate may show (the compiler asks for each), and for a code by the
 * subject's sex where the languages say it two ways (`single:female`).
 */
export type CodeWords<T> = { readonly [C in NonNullable<T[CodedKey<T>]> & string]: Words } & Readonly<
  Record<string, Words>
>;

/** A kind's certificate: its credential type, its title, and the labels of the facts it certifies. */
export type CertificateWords<T extends CertifiedFacts> = {
  /** The W3C credential type beside VerifiableCredential (`BirthCertificate`). */
  type: `${string}Certificate`;
  title: Words;
  /** A label for each certified fact that is not a common one: the compiler asks for every key of T. */
  labels: { readonly [K in Exclude<keyof T & string, CommonFactKey>]-?: Words };
  /**
   * Certified facts that are health data (a death's cause): printed as DEATH_CERTIFICATE_SHOWS_CAUSE
   * says, and in the token (read offline by whoever holds the paper) only as
   * DEATH_CERTIFICATE_TOKEN_SHOWS_CAUSE says (certificates/rules.ts).
   */
  healthFacts?: readonly Exclude<keyof T & string, CommonFactKey>[];
} & /** Words for the kind's coded values: required, with a word for each code, when its facts have codes. */ ([
  CodedKey<T>,
] extends [never]
  ? { values?: Readonly<Record<string, Words>> }
  : { values: CodeWords<T> });

/**
 * What a certificate of a registered record certifies: `subjects` are the NINs it may be about,
 * the first by default; `facts` as typed by the kind.
 */
export interface Certified<T extends CertifiedFacts = CertifiedFacts> {
  subjects: string[];
  facts: T;
}

/** A record about to be registered, under the number records/ allocated for it. */
export interface Registration<F extends object> {
  record: CivilRecord<F>;
  registrationNumber: string;
}

/**
 * What one kind adds to the lifecycle that records/ owns, on the service's stores. records/ calls
 * it and never imports the kind. Method syntax: the registry holds every kind's handler as
 * `KindHandler` of plain objects, and a record's facts were built from its kind's schema.
 */
export interface KindHandler<
  F extends object = object,
  C extends object = object,
  B = unknown,
  T extends CertifiedFacts = CertifiedFacts,
> {
  /** Declares a record of the kind: one journal entry, checked by the kind's rules. */
  declare(ctx: CommandContext & { office: string }, body: B): Promise<{ data: { recordId: string } }>;
  /**
   * Registers a declared record: `prepare` (records/) checks the lifecycle and allocates the
   * number inside the kind's journal command, so a command decided again keeps both.
   */
  register(ctx: CommandContext, prepare: () => Promise<Registration<F>>): Promise<void>;
  /** The facts after a correction, checked by the kind's rules; throws a Problem when refused. Reads, never writes. */
  checkCorrection(record: CivilRecord<F>, changes: C): Promise<F>;
  /** Carries a correction of a registered record over to the people it is about. */
  applyCorrection?(entry: JournalEntry<RecordEvents, 'record.corrected'>, record: CivilRecord<F>): Promise<void>;
  /** The facts as staff and the people named see them, every field listed. */
  presentFacts(record: CivilRecord<F>): Record<string, unknown>;
  /** Registers the projectors of the kind's own events. */
  registerProjectors(): void;
  /** What a certificate of a registered record of this kind certifies, and nothing else. */
  certify(record: CivilRecord<F>): Promise<Certified<T>>;
  /** The event a registered record of this kind is in a person's civil status, if it is one. */
  civilEvent?(record: CivilRecord<F>): CivilEvent;
}

/** One kind as the registry holds it: its contract's static parts and its handler. */
export type RegisteredKind = Omit<KindContract, 'handler'> & KindHandler;

/** A change of a record's standing, after the entry that made it was applied to the record. */
export interface RecordChange {
  cause: { seq: number; at: string };
  type: 'registered' | 'voided' | 'corrected';
  /** The record after the change. */
  record: CivilRecord;
  /** For a correction: the facts it replaced. */
  factsBefore?: object;
}

/** Reacts to record changes (statistics, civil status); it must be idempotent, as entries may be applied again after a crash. */
export type RecordListener = (change: RecordChange) => Promise<void>;

/** The registry of record kinds, with the listeners of their changes. */
export class RecordKinds {
  private readonly kinds = new Map<string, RegisteredKind>();
  private readonly listeners: RecordListener[] = [];

  add(kind: RegisteredKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`record kind ${kind.kind} registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  /** The kind of a record; every kind a record can have is registered at start. */
  of(kind: string): RegisteredKind {
    const registered = this.kinds.get(kind);
    if (!registered) throw new Error(`record kind ${kind} is not registered`);
    return registered;
  }

  /** The kind of this name, if this version knows it (a certificate token may come from a newer one). */
  find(kind: string): RegisteredKind | undefined {
    return this.kinds.get(kind);
  }

  all(): RegisteredKind[] {
    return [...this.kinds.values()];
  }

  /** Adds a reaction to every registration, voiding and correction, of every kind. */
  onChange(listener: RecordListener): void {
    this.listeners.push(listener);
  }

  async notify(change: RecordChange): Promise<void> {
    for (const listener of this.listeners) await listener(change);
  }
}
