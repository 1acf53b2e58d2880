import type { z } from 'zod';
import type { Journal } from '../../journal/journal';
import type { AnyDraft, JournalEntry } from '../../journal/types';
import type { CivilEvent, CivilRecord, RecordKind } from './store';
import type { KindStatistics } from './tally';

// The statistics vocabulary moved to tally.ts; re-exported while importers move over.
export type { KindStatistics, Tally, VitalTable } from './tally';

/** The schemas of one kind of record: static, so the contract is generated without a database. */
export interface KindSchemas {
  kind: RecordKind;
  /** The facts a declaration of this kind carries (its declaration body). */
  facts: z.ZodType<object>;
  /** `changes` in a correction of this kind. */
  changes: z.ZodType<object>;
  /** The fields the kind's facts add to a record as presented. */
  view: Record<string, z.ZodType>;
}

/**
 * What one kind of record (birth, marriage, divorce, death) adds to the lifecycle that records/
 * owns. A kind registers its handler; records/ calls it and never imports the kind.
 */
export interface KindHandler<F extends object = object, C extends object = object> extends KindSchemas {
  changes: z.ZodType<C>;
  /** The facts after a correction, checked by the kind's rules; throws a Problem when refused. Reads, never writes. */
  checkCorrection(record: CivilRecord<F>, changes: C): Promise<F>;
  /** The registration entry of a declared record, under the number records/ allocated. Reads, never writes. */
  decideRegistration(record: CivilRecord<F>, registrationNumber: string): Promise<AnyDraft>;
  /** Carries a correction of a registered record over to the people it is about. */
  applyCorrection?(entry: JournalEntry<'record.corrected'>, record: CivilRecord<F>): Promise<void>;
  /** The facts as staff and the people named see them, every field listed. */
  presentFacts(record: CivilRecord<F>): Record<string, unknown>;
  /** Registers the projectors of the kind's own events. */
  registerProjectors(journal: Journal): void;
  /** The kind's table in the vital statistics and what a registered record adds to it; none when it is not counted. */
  statistics?: KindStatistics<F>;
  /**
   * What a certificate of a registered record of this kind certifies: names in Arabic and Latin,
   * dates, places, and nothing else; `subjects` are the NINs it may be about, the first by default.
   */
  certify(record: CivilRecord<F>): Promise<Certified>;
  /** The event a registered record of this kind is in a person's civil status, if it is one. */
  civilEvent?(record: CivilRecord<F>): CivilEvent;
}

export interface Certified {
  subjects: string[];
  facts: Record<string, unknown>;
}

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

/** The registry of record kinds. */
export class RecordKinds {
  private readonly handlers = new Map<RecordKind, KindHandler>();
  private readonly listeners: RecordListener[] = [];

  register<F extends object, C extends object>(handler: KindHandler<F, C>): void {
    if (this.handlers.has(handler.kind)) throw new Error(`record kind ${handler.kind} registered twice`);
    // A record's facts were built from this kind's schema, so its handler may read them as F.
    this.handlers.set(handler.kind, handler);
  }

  /** The handler of a record's kind; every kind a record can have is registered at start. */
  of(kind: RecordKind): KindHandler {
    const handler = this.handlers.get(kind);
    if (!handler) throw new Error(`record kind ${kind} is not registered`);
    return handler;
  }

  all(): KindHandler[] {
    return [...this.handlers.values()];
  }

  /** Adds a reaction to every registration, voiding and correction, of every kind. */
  onChange(listener: RecordListener): void {
    this.listeners.push(listener);
  }

  async notify(change: RecordChange): Promise<void> {
    for (const listener of this.listeners) await listener(change);
  }
}
