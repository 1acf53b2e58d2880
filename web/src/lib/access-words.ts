import { readKind } from './access-log';

/**
 * The catalogue key of what a read of a citizen's data was, finer than readKind where the route
 * says more (a document, a record's history, a list, a certificate issued, an enrolment). A
 * search of people stays `me.what.person` ("looked at your entry in the register"): the results
 * show the entry.
 */
const FINER: [RegExp, string][] = [
  [/^POST \/v1\/persons$/, 'people.log.enrolled'],
  [/^GET \/v1\/records\/\{id\}\/documents\b/, 'people.log.document'],
  [/^GET \/v1\/records\/\{id\}\/history$/, 'people.log.history'],
  [/^GET \/v1\/records$/, 'people.log.list'],
  [/^POST \/v1\/certificates$/, 'people.log.issued'],
];

export function readWords(route: string): string {
  return FINER.find(([re]) => re.test(route))?.[1] ?? `me.what.${readKind(route)}`;
}

/**
 * A journal entry's type (`birth.registered`, `client.secret-rotated`) as the catalogue keys of
 * its words: subject then verb ("Birth", "Registered"), the verb alone when it names its subject
 * (`certificate.issued`: "Certificate issued"); none for a type the console does not know.
 */
export function typeWords(type: string): string[] {
  const dot = type.indexOf('.');
  if (dot < 0) return [];
  const subject = type.slice(0, dot);
  const verb = type.slice(dot + 1);
  if (subject === 'certificate' && (verb === 'issued' || verb === 'revoked')) return [`events.${verb}`];
  const subjectKey = KINDS.includes(subject)
    ? `kinds.${subject}`
    : SUBJECTS.includes(subject)
      ? `people.subjects.${subject}`
      : undefined;
  const verbKey = EVENTS.includes(verb) ? `events.${verb}` : VERBS.includes(verb) ? `people.verbs.${verb}` : undefined;
  return subjectKey && verbKey ? [subjectKey, verbKey] : [];
}

const KINDS = ['birth', 'death', 'marriage', 'divorce', 'foetal-death', 'annulment'];

/**
 * The catalogue key of the name of a certificate a sectoral system obtained (`received.kind`):
 * "birth certificate", "civil-status extract"; plain "certificate" for a kind the console does not know.
 */
export function certificateWords(kind: string | undefined): string {
  const known = kind !== undefined && (KINDS.includes(kind) || kind === 'civil-status-extract');
  return `people.log.certificates.${known ? kind : 'other'}`;
}
const SUBJECTS = [
  'record',
  'person',
  'user',
  'client',
  'certificate',
  'certificate-key',
  'document',
  'citizen',
  'office',
  'subscription',
];
const EVENTS = ['declared', 'registered', 'rejected', 'corrected', 'voided', 'issued', 'revoked'];
const VERBS = [
  'created',
  'changed',
  'enrolled',
  'enrolled-batch',
  'attached',
  'secret-rotated',
  'duplicate-reviewed',
  'activation-code-issued',
  'ended',
  'replayed',
  'activated',
  'withdrawn',
];
