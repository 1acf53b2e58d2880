import { checkedCorrection, projectRegistration, type CivilStatusDeps } from '../civil-status/registration';
import type { OfficeStore } from '../offices/commands';
import { certifiedMarriage } from '../civil-status/marriage-ref';
import type { Place } from '../persons/store';
import { registrationCommand } from '../records/commands';
import type { KindStatistics } from '../records/tally';
import type { CertifiedPerson, KindContract } from '../records/contract';
import type { CivilRecord } from '../records/store';
import { insertRecord } from '../records/projectors';
import { DIVORCE_EVENTS, type DivorceEvents } from './events';
import {
  declareDivorceBody,
  divorceSchemas,
  type DeclareDivorce,
  type DivorceChanges,
  type DivorceFacts,
  type DivorceType,
} from './schemas';
import { checkDivorceFacts, declareDivorce, decideDivorceRegistration, divorceEvent } from './commands';

export function presentDivorceFacts(r: CivilRecord<DivorceFacts>) {
  const d = r.data;
  return {
    marriageId: d.marriageId,
    parties: d.parties,
    dateOfDivorce: d.dateOfDivorce,
    courtReference: d.courtReference,
    ...(d.divorceType ? { divorceType: d.divorceType } : {}),
    placeOfDivorce: d.placeOfDivorce,
  };
}

/** What a divorce certificate certifies. */
type DivorceCertified = {
  parties: readonly CertifiedPerson[];
  marriageRegistrationNumber?: string;
  dateOfDivorce: string;
  courtReference: string;
  divorceType?: DivorceType;
  placeOfDivorce: Place;
};

type DivorceDeps = CivilStatusDeps<DivorceEvents> & { offices: OfficeStore };

/** Divorces are counted where and when they were pronounced. */
export const divorceStatistics: KindStatistics<DivorceFacts> = {
  table: { name: 'divorces', shape: 'count' },
  tally: (r) => ({ date: r.data.dateOfDivorce, governorate: r.data.placeOfDivorce.governorate }),
};

/** Divorces: the kind contract. */
export const divorces: KindContract<
  'divorce',
  DivorceFacts,
  DivorceChanges,
  DeclareDivorce,
  DivorceEvents,
  DivorceCertified,
  DivorceDeps
> = {
  kind: 'divorce',
  letter: 'D',
  schemas: divorceSchemas,
  events: DIVORCE_EVENTS,
  feed: ['divorce.registered'],
  declaration: {
    path: '/v1/divorces',
    operationId: 'declareDivorce',
    permission: 'divorces.declare',
    roles: ['officer', 'registrar', 'national-registrar'],
    tag: 'Divorces',
    summary: 'Declare the divorce of a registered marriage in force',
    body: declareDivorceBody,
  },
  // Kurdish: تەڵاق as the console's catalogue names the kind (web/src/i18n/ckb.ts); the labels and types are to be reviewed.
  certificate: {
    type: 'DivorceCertificate',
    title: { ar: 'شهادة طلاق', ckb: 'بڕوانامەی تەڵاق', en: 'Divorce certificate' },
    labels: {
      parties: { ar: 'الطرف', ckb: 'لایەن', en: 'Party' },
      marriageRegistrationNumber: {
        ar: 'رقم تسجيل الزواج',
        ckb: 'ژمارەی تۆماری هاوسەرگیری',
        en: 'Marriage registration number',
      },
      dateOfDivorce: { ar: 'تاريخ الطلاق', ckb: 'ڕێکەوتی تەڵاق', en: 'Date of divorce' },
      divorceType: { ar: 'نوع الطلاق', ckb: 'جۆری تەڵاق', en: 'Type of divorce' },
      placeOfDivorce: { ar: 'مكان الطلاق', ckb: 'شوێنی تەڵاق', en: 'Place of divorce' },
    },
    values: {
      talaq: { ar: 'طلاق', ckb: 'تەڵاق', en: 'Talaq (repudiation)' },
      khula: { ar: 'خلع', ckb: 'خولع', en: 'Khula' },
      'judicial-separation': { ar: 'تفريق قضائي', ckb: 'جیاکردنەوەی دادوەری', en: 'Judicial separation' },
      'mutual-consent': { ar: 'بالتراضي', ckb: 'بە ڕەزامەندیی هەردوولا', en: 'By mutual consent' },
    },
  },
  statistics: divorceStatistics,
  // No timeliness: a divorce is pronounced or confirmed by the personal status court (its
  // `courtReference` is required), which sends it to the registry; no deadline of days applies.
  work: { summary: (f) => ({ subjects: f.parties.map((nin) => ({ nin })), eventDate: f.dateOfDivorce }) },
  handler: (deps) => ({
    declare: (ctx, body) => declareDivorce(deps, ctx, body),
    register: registrationCommand(deps.journal, (record, number) => decideDivorceRegistration(deps, record, number)),
    checkCorrection: checkedCorrection((id, facts) => checkDivorceFacts(deps, id, facts)),
    presentFacts: presentDivorceFacts,
    certify: async (r) => {
      const d = r.data;
      return {
        subjects: [...d.parties],
        facts: {
          ...(await certifiedMarriage(deps, d.parties, d.marriageId)),
          dateOfDivorce: d.dateOfDivorce,
          courtReference: d.courtReference,
          ...(d.divorceType ? { divorceType: d.divorceType } : {}),
          placeOfDivorce: d.placeOfDivorce,
        },
      };
    },
    civilEvent: (r) => divorceEvent(r._id, r.data),
    registerProjectors() {
      deps.journal.on('divorce.declared', (entry) => insertRecord(deps.records, entry, 'divorce'));
      deps.journal.on('divorce.registered', (entry) =>
        projectRegistration(deps, entry, {
          recordId: entry.data.recordId,
          registrationNumber: entry.data.registrationNumber,
          linkNins: entry.data.parties,
        }),
      );
    },
  }),
};
