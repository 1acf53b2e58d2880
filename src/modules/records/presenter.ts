import type { RecordKinds } from './contract';
import type { CivilRecord, DocumentSummary } from './store';
import { etagOfVersion } from './rules';

export const etagOf = (record: CivilRecord) => etagOfVersion(record.version);

/** Everyone a record names (the person it is about too), for the access log. */
export const namedIn = (record: CivilRecord) => [
  ...record.personNins,
  ...(record.subjectNin ? [record.subjectNin] : []),
];

/** A document as a record lists it; the documents' own routes add who uploaded it. */
export const presentDocument = (d: DocumentSummary) => ({
  id: d.id,
  type: d.type,
  contentType: d.contentType,
  size: d.size,
  sha256: d.sha256,
  uploadedAt: d.uploadedAt,
});

/** A record as officers, registrars and auditors see it: its state, then its kind's facts. */
export function presentRecord(kinds: RecordKinds, r: CivilRecord) {
  return {
    id: r._id,
    kind: r.kind,
    status: r.status,
    version: r.version,
    office: r.office,
    ...kinds.of(r.kind).presentFacts(r),
    declaredBy: { id: r.declaredBy.id, ...(r.declaredBy.office ? { office: r.declaredBy.office } : {}) },
    declaredAt: r.declaredAt,
    ...(r.notification
      ? {
          notification: {
            clientId: r.notification.clientId,
            notificationId: r.notification.notificationId,
            facility: r.notification.facility,
          },
        }
      : {}),
    ...(r.registrationNumber
      ? { registrationNumber: r.registrationNumber, registeredBy: r.registeredBy, registeredAt: r.registeredAt }
      : {}),
    ...(r.subjectNin ? { subjectNin: r.subjectNin } : {}),
    ...(r.rejectionReason ? { rejectionReason: r.rejectionReason } : {}),
    ...(r.voidReason ? { voidReason: r.voidReason } : {}),
    flags: r.flags ?? [],
    ...(r.timeliness ? { timeliness: r.timeliness } : {}),
    ...(r.duplicates
      ? { duplicates: r.duplicates.map((d) => ({ recordId: d.recordId, score: d.score, reasons: d.reasons })) }
      : {}),
    ...(r.duplicateReview
      ? {
          duplicateReview: {
            decision: r.duplicateReview.decision,
            ...(r.duplicateReview.duplicateOf ? { duplicateOf: r.duplicateReview.duplicateOf } : {}),
            reason: r.duplicateReview.reason,
            by: r.duplicateReview.by,
            at: r.duplicateReview.at,
          },
        }
      : {}),
    certificatesIssued: r.certificatesIssued ?? 0,
    documents: (r.documents ?? []).map(presentDocument),
    updatedAt: r.updatedAt,
  };
}

/** A record as the citizen it names sees it: the facts and the registration, not staff ids. */
export function presentRecordToCitizen(kinds: RecordKinds, r: CivilRecord) {
  return {
    id: r._id,
    kind: r.kind,
    status: r.status,
    ...kinds.of(r.kind).presentFacts(r),
    ...(r.registrationNumber ? { registrationNumber: r.registrationNumber, registeredAt: r.registeredAt } : {}),
    ...(r.subjectNin ? { subjectNin: r.subjectNin } : {}),
  };
}
