import type { CivilRecord } from './model';

/** A record as officers, registrars and auditors see it: its facts beside its state. */
export function presentRecord(r: CivilRecord) {
  return {
    id: r._id,
    kind: r.kind,
    status: r.status,
    version: r.version,
    office: r.office,
    ...r.data,
    declaredBy: r.declaredBy,
    declaredAt: r.declaredAt,
    ...(r.registrationNumber ? { registrationNumber: r.registrationNumber, registeredBy: r.registeredBy, registeredAt: r.registeredAt } : {}),
    ...(r.subjectNin ? { subjectNin: r.subjectNin } : {}),
    ...(r.rejectionReason ? { rejectionReason: r.rejectionReason } : {}),
    ...(r.voidReason ? { voidReason: r.voidReason } : {}),
    updatedAt: r.updatedAt,
  };
}

/** A record as the citizen it names sees it: the facts and the registration, not staff ids. */
export function presentRecordToCitizen(r: CivilRecord) {
  return {
    id: r._id,
    kind: r.kind,
    status: r.status,
    ...r.data,
    ...(r.registrationNumber ? { registrationNumber: r.registrationNumber, registeredAt: r.registeredAt } : {}),
    ...(r.subjectNin ? { subjectNin: r.subjectNin } : {}),
  };
}
