import path from 'node:path';
import { z } from 'zod';
import { CERTIFICATE_LANGUAGES } from './modules/certificates/languages';
import { KURDISTAN_REGION_GOVERNORATES } from './modules/common/governorates';

/**
 * Every environment variable the service reads, validated once at start.
 * Each entry's description and default are also docs/configuration.md (`npm run docs:config`).
 */
const variables = {
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('TCP port the HTTP server listens on'),
  HOST: z.string().default('0.0.0.0').describe('Address the HTTP server binds to'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional()
    .describe('MongoDB (or FerretDB) connection string; when unset an embedded engine is started'),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/)
    .default('civil_registry')
    .describe('Database name inside the engine'),
  DB_ENGINE: z
    .enum(['auto', 'mongodb-memory-server', 'ferretdb'])
    .default('auto')
    .describe('Embedded engine when MONGODB_URI is unset: auto tries mongodb-memory-server, then FerretDB'),
  DATA_DIR: z
    .string()
    .default(path.resolve('data'))
    .describe("Folder for the embedded engine's data and generated keys"),
  ENGINE_CACHE_DIR: z
    .string()
    .default(path.join(process.env.XDG_CACHE_HOME ?? path.join(process.env.HOME ?? '/tmp', '.cache'), 'civil-registry'))
    .describe('Cache outside the repo for engine binaries (FerretDB build, mongod download)'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(30)
    .max(3600)
    .default(900)
    .describe('Lifetime of access tokens, in seconds'),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .max(90 * 86400)
    .default(14 * 86400)
    .describe('Lifetime of refresh tokens, in seconds (each use rotates it)'),
  RETENTION_EVERY_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86400)
    .default(3600)
    .describe(
      'How often expired refresh tokens, activation codes, idempotency answers and throttles are pruned: once a period across all instances',
    ),
  ACCOUNT_STATUS_CACHE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60)
    .default(5)
    .describe('How long another instance may take to notice a disabled or changed account'),
  LOGIN_LOCK_AFTER_FAILURES: z.coerce
    .number()
    .int()
    .min(3)
    .max(100)
    .default(10)
    .describe('Failed logins (or activation codes) of one account before it is locked for a while'),
  LOGIN_LOCK_ADDRESS_AFTER_FAILURES: z.coerce
    .number()
    .int()
    .min(5)
    .max(10_000)
    .default(50)
    .describe('Failed logins from one address before the address is locked for a while'),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(15)
    .describe('How long a lock lasts, and the window in which failures count'),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(60)
    .describe('Requests per minute and address to login, activation and the client token endpoint'),
  FURTHER_MARRIAGE_FEMALE: z
    .enum(['never', 'with-court-reference', 'always'])
    .default('with-court-reference')
    .describe('Whether a woman with a marriage in force may marry again: never, with a court reference, or always'),
  FURTHER_MARRIAGE_MALE: z
    .enum(['never', 'with-court-reference', 'always'])
    .default('with-court-reference')
    .describe('Whether a man with a marriage in force may marry again: never, with a court reference, or always'),
  REGISTRATION_DAYS_HEALTH_FACILITY: z.coerce
    .number()
    .int()
    .min(1)
    .max(36_500)
    .default(15)
    .describe('Days after a birth or death in a health facility within which its declaration is on time (later: late)'),
  REGISTRATION_DAYS_ELSEWHERE: z.coerce
    .number()
    .int()
    .min(1)
    .max(36_500)
    .default(30)
    .describe('Days after a birth or death elsewhere (at home) within which its declaration is on time (later: late)'),
  DELAYED_REGISTRATION_AFTER_YEARS: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(1)
    .describe('Years after the event past which a declaration is delayed: registered only with a court reference'),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(600)
    .describe('Requests per minute and address to the public statistics'),
  RATE_LIMIT_IDENTITY_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(600)
    .describe(
      'Identity verifications per minute and client, counted by item across all instances: a batch of n items (at most 500, each NIN once) spends n; also the cap on requests per minute and client, per instance',
    ),
  TOKEN_SIGNING_KEY_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('PEM file (PKCS#8, P-256) that signs access tokens; when unset one is generated into DATA_DIR/keys'),
  IDEMPOTENCY_LEASE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(30)
    .describe(
      'How long a request with an Idempotency-Key may stay unanswered before a retry takes it over (its process is taken to have died)',
    ),
  METRICS_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe('Bearer token that opens GET /metrics to other hosts; without it only loopback callers get the metrics'),
  TOKEN_ISSUER: z.string().min(1).default('civil-registry').describe('`iss` of tokens the service issues'),
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .regex(/^https?:\/\/[^/]+$/, 'must be a scheme and host, without a path or trailing slash')
    .optional()
    .describe(
      "Address where the public reaches the service: certificates' issuer, verification links and status lists; default http://localhost:<the port it listens on>",
    ),
  CERTIFICATE_KEYS_DIR: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Folder of the certificate signing keys (PEM, PKCS#8, P-256, one file per kid); default DATA_DIR/keys/certificates',
    ),
  CERTIFICATE_SIGNING_KEY: z
    .string()
    .includes('PRIVATE KEY')
    .optional()
    .describe('A certificate signing key as PEM in the environment: it becomes the active key when it is not already'),
  CERTIFICATE_VALIDITY_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(36500)
    .default(365)
    .describe('How long a certificate is valid after it is issued'),
  CERTIFICATE_STATUS_CACHE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(300)
    .default(5)
    .describe(
      "How long another instance may take to answer a certificate's revocation or supersession, or a certificate key's rotation or withdrawal (0: read them every time)",
    ),
  SEARCH_COUNT_CAP: z.coerce
    .number()
    .int()
    .min(20)
    .max(999)
    .default(500)
    .describe(
      'How many matches of a name alone a search counts and ranks ("more than 500"): a search reads at most this many of the name index, so it bounds its cost',
    ),
  CITIZEN_CERTIFICATES_PER_DAY: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(10)
    .describe(
      'Certificates one citizen may issue per UTC day (each is a journal entry and a status-list slot); more are answered 429',
    ),
  CERTIFICATE_INCLUDE_PARENT_NINS: z
    .enum(['true', 'false'])
    .default('false')
    .describe(
      "Whether a birth certificate's token and PDF carry the parents' NINs (by default only their names: a verifier learns the child's NIN alone)",
    ),
  KURDISTAN_REGION_GOVERNORATES: z
    .string()
    .regex(/^IQ-[A-Z]{2}(,IQ-[A-Z]{2})*$/, 'must be ISO 3166-2:IQ governorate codes, comma-separated')
    .default(KURDISTAN_REGION_GOVERNORATES.join(','))
    .describe(
      "The governorates of the Kurdistan Region (ISO 3166-2:IQ codes, comma-separated): their offices' certificates speak CERTIFICATE_LANGUAGE_KURDISTAN_REGION, and its personal status rules apply there (a further marriage needs the consent of the wife already married)",
    ),
  CERTIFICATE_LANGUAGE_KURDISTAN_REGION: z
    .enum(CERTIFICATE_LANGUAGES)
    .default('ar-ckb')
    .describe(
      "A certificate's languages when none is asked and the office is in the Kurdistan Region: Arabic and Kurdish, Iraq's official languages (constitution, art. 4)",
    ),
  CERTIFICATE_LANGUAGE_DEFAULT: z
    .enum(CERTIFICATE_LANGUAGES)
    .default('ar-en')
    .describe("A certificate's languages when none is asked and the office is elsewhere"),
  DEATH_CERTIFICATE_SHOWS_CAUSE: z
    .enum(['true', 'false'])
    .default('true')
    .describe(
      "Whether a death certificate prints the cause of death (ICD-10 code and text): Iraq's consular guidance issues no death certificate without it",
    ),
  DEATH_CERTIFICATE_TOKEN_SHOWS_CAUSE: z
    .enum(['true', 'false'])
    .default('false')
    .describe(
      "Whether the cause of death is also in the certificate's token (QR code), which anyone holding the paper reads offline: by default it is health data printed for the reader, not signed out for machines",
    ),
  WEBHOOK_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(5000)
    .describe('How long a webhook receiver has to answer'),
  WEBHOOK_RETRY_BASE_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(600_000)
    .default(1000)
    .describe('First retry delay of a failed webhook; it doubles each time, with jitter'),
  WEBHOOK_RETRY_MAX_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(86_400_000)
    .default(900_000)
    .describe('Longest delay between webhook retries'),
  WEBHOOK_PARK_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_592_000)
    .default(86_400)
    .describe('A webhook failing this long is parked until replayed'),
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: z
    .enum(['true', 'false'])
    .default('false')
    .describe('Whether webhooks may go to loopback and private addresses (a receiver inside your own network)'),
  WEBHOOK_ALLOW_HTTP: z
    .enum(['true', 'false'])
    .default('false')
    .describe(
      'Whether webhooks may go to plain http: URLs (unencrypted, unauthenticated receivers); by default https only',
    ),
  WEBHOOK_POLL_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(60_000)
    .default(1000)
    .describe('How often the webhook dispatcher looks for new events'),
  RATE_LIMIT_VERIFY_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(600)
    .describe('Certificate verifications (and verification pages) per minute and address'),
  BOOTSTRAP_ADMIN_USERNAME: z
    .string()
    .min(3)
    .optional()
    .describe('First admin, created only when the database has no user'),
  BOOTSTRAP_ADMIN_PASSWORD: z
    .string()
    .min(12)
    .optional()
    .describe('Password of the first admin (at least 12 characters)'),
  BOOTSTRAP_ADMIN_OFFICE: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('BGD')
    .describe('Office of the first admin'),
  JOURNAL_SIGNING_KEY: z
    .string()
    .includes('PRIVATE KEY')
    .optional()
    .describe(
      'The journal-signing key (PEM, PKCS#8, P-256) in the environment: it signs the journal heads, and is kept in JOURNAL_KEYS_DIR to verify them later',
    ),
  JOURNAL_KEYS_DIR: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Folder of the journal-signing keys (PEM, one file per kid; the newest signs, all verify); default DATA_DIR/keys/journal, a key generated there on first start',
    ),
  JOURNAL_SIGN_EVERY_ENTRIES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(100)
    .describe('The journal head is signed at every seq that is a multiple of this'),
  JOURNAL_SIGN_EVERY_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(300)
    .describe('The newest journal head is also signed this often (when it moved), and at shutdown'),
  IMPORT_MAX_LINE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1_048_576)
    .default(16_384)
    .describe(
      'Longest line of a legacy-register import file (NDJSON or CSV), in bytes: a longer line is refused by its number, unread',
    ),
  AUDIT_PAGE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(16_384)
    .max(16_777_216)
    .default(1_048_576)
    .describe(
      'Byte budget of one page of GET /v1/audit: the page stops early (with `next`) once its entries reach it; at least one entry a page',
    ),
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1_073_741_824)
    .default(10_485_760)
    .describe(
      'Largest supporting document (PDF, JPEG or PNG scan) a record takes, in bytes: a larger one is 413, read no further than the limit',
    ),
  DOCUMENTS_DIR: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Folder of the supporting documents (content-addressed files, kept by backups and rebuilds); default DATA_DIR/documents',
    ),
  DOCUMENT_STORE: z
    .enum(['files', 'gridfs'])
    .default('files')
    .describe(
      "Where the documents' bytes are kept: `files` (content-addressed under DOCUMENTS_DIR) or `gridfs` (bucket `documents` in the database: replicated with it, shared by every instance; for MongoDB in production)",
    ),
  CORRECTION_EVIDENCE: z
    .string()
    .optional()
    .describe(
      'What a correction of a registered record needs, per kind and field group, over Iraq\'s defaults: JSON such as {"birth":{"names":"reason"}}; each `none`, `reason` or `court-order`',
    ),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/)
    .default('100kb')
    .describe('Largest accepted JSON body'),
};

const schema = z.object(variables);
export type Config = Omit<z.infer<typeof schema>, 'PUBLIC_BASE_URL'> & {
  PUBLIC_BASE_URL: string;
  /** PUBLIC_BASE_URL was not set: it follows the port (the one listened on, for PORT=0). */
  PUBLIC_BASE_URL_FROM_PORT: boolean;
};

export const configDescriptions = Object.fromEntries(
  Object.entries(variables).map(([name, v]) => [name, v.description ?? '']),
);

/** Each variable's default, as a schema parses an unset variable (undefined: none), for docs/configuration.md. */
export const configDefaults: Record<string, unknown> = Object.fromEntries(
  Object.entries(variables).map(([name, v]) => [name, v.safeParse(undefined).data]),
);

export class ConfigError extends Error {}

/** Reads the environment; throws one error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(variables)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const cfg: Config = {
    ...parsed.data,
    PUBLIC_BASE_URL: parsed.data.PUBLIC_BASE_URL ?? `http://localhost:${parsed.data.PORT}`,
    PUBLIC_BASE_URL_FROM_PORT: parsed.data.PUBLIC_BASE_URL === undefined,
  };
  if (Boolean(cfg.BOOTSTRAP_ADMIN_USERNAME) !== Boolean(cfg.BOOTSTRAP_ADMIN_PASSWORD)) {
    throw new ConfigError(
      'Invalid configuration:\n  BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD go together',
    );
  }
  return cfg;
}
