import type { components, operations } from './schema';

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
