import type { components, operations, paths } from './schema';

/** Names for the schemas the screens use (all generated from ../openapi.yaml). */
export type Schemas = components['schemas'];
export type QueueId = Schemas['WorkQueues']['queues'][number]['id'];
export type RecordView = Schemas['Record'];
export type RecordSummary = Schemas['RecordSummary'];
export type JournalEntry = Schemas['JournalEntry'];
export type CertificateLanguage = NonNullable<
  NonNullable<operations['issueCertificate']['requestBody']>['content']['application/json'] extends infer B
    ? B extends { language?: infer L }
      ? L
      : never
    : never
>;

/** The JSON body a route takes by POST. */
export type PostBody<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** Every dotted path to a value of T that a form field fills (`partyA.nin`, `placeOfMarriage.governorate`). */
export type FieldPath<T> = T extends string | number | boolean
  ? never
  : {
      [K in keyof T & string]-?: NonNullable<T[K]> extends string | number | boolean | readonly unknown[]
        ? K
        : `${K}.${FieldPath<NonNullable<T[K]>>}`;
    }[keyof T & string];
