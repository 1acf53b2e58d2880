import { addKindRules } from './http/policy';
import type { EventRoles } from './journal/types';
import type { UnionToIntersection } from './lib/types';
import { annulments } from './modules/annulments/contract';
import { births } from './modules/births/contract';
import { deaths } from './modules/deaths/contract';
import { divorces } from './modules/divorces/contract';
import { marriages } from './modules/marriages/contract';
import { foetalDeaths } from './modules/foetal-deaths/contract';
import { declarationRoute } from './modules/records/declaration';
import { RecordKinds, type KindContract } from './modules/records/contract';
import { recordSchemas } from './modules/records/schemas';
import type { VitalTable } from './modules/records/tally';

/**
 * The kinds of record this service knows. A new kind is its folder (which exports its contract)
 * and one line here: everything below, and the event catalogue, feed and policy, follow from it.
 */
export const KINDS = [births, deaths, marriages, divorces, foetalDeaths, annulments] as const;

type Kind = (typeof KINDS)[number];
type EventsOf<K> = K extends KindContract<string, object, object, unknown, infer E> ? E : never;
type DepsOf<K> = K extends { handler(deps: infer D): unknown } ? D : never;

/** The events of every kind: the intersection of their catalogues. */
export type KindEvents = UnionToIntersection<EventsOf<Kind>>;
/** What the kinds' handlers use: everything any of them asks for. */
export type KindDeps = UnionToIntersection<DepsOf<Kind>>;

/** The roles of every kind's events; the kinds' catalogues have no type in common (checked below). */
export const KIND_EVENTS = Object.assign({}, ...KINDS.map((k) => k.events)) as EventRoles<KindEvents>;

/** The registry's static rules: one capital letter per kind, no two kinds with one letter, name or event. */
export function checkKinds(kinds: readonly Pick<KindContract, 'kind' | 'letter' | 'events'>[]): void {
  const seen = new Set<string>();
  for (const k of kinds) {
    if (!/^[A-Z]$/.test(k.letter)) throw new Error(`kind ${k.kind}: the letter ${k.letter} is not one capital letter`);
    for (const key of [`kind:${k.kind}`, `letter:${k.letter}`, ...Object.keys(k.events).map((t) => `event:${t}`)]) {
      if (seen.has(key)) throw new Error(`two record kinds share ${key}`);
      seen.add(key);
    }
  }
}
checkKinds(KINDS);
addKindRules(KINDS.map((k) => k.declaration));

/** The record view and correction body, covering every kind. */
export const RECORD_SCHEMAS = recordSchemas(KINDS);

/** Each kind's declaration route. */
export const DECLARATION_ROUTES = KINDS.map((k) => declarationRoute(RECORD_SCHEMAS, k));

/**
 * The tables of the vital statistics: those of the kinds that are counted, in the list's order,
 * then their tables of registrations by timeliness, then the breakdowns of their tables (each
 * after those before it, so that no earlier field moves).
 */
export const VITAL_TABLES: readonly VitalTable[] = [
  ...KINDS.flatMap((k) => (k.statistics ? [k.statistics.table] : [])),
  ...KINDS.flatMap((k): VitalTable[] =>
    k.statistics?.timelinessTable ? [{ name: k.statistics.timelinessTable, shape: 'by-timeliness' }] : [],
  ),
  ...KINDS.flatMap(({ statistics: s }): VitalTable[] =>
    s ? (s.breakdowns ?? []).map((b) => ({ name: b.name, shape: b.shape, of: s.table.name })) : [],
  ),
];

/** The event types of registrations a sectoral system may follow in the feed. */
export const KIND_FEED_TYPES: readonly string[] = KINDS.flatMap((k) => k.feed);

/** The registry of record kinds with their behaviour, on the service's stores. */
export function createKinds(deps: Omit<KindDeps, 'kinds'>): RecordKinds {
  const kinds = new RecordKinds();
  const all = { ...deps, kinds } as KindDeps;
  for (const contract of KINDS) {
    // Each kind's handler takes a part of KindDeps, which holds what all of them ask for.
    const { handler: _handler, ...described } = contract;
    kinds.add({ ...described, ...contract.handler(all) });
  }
  return kinds;
}
