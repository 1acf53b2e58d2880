import { badRequest } from '../../http/problem';
import type { FhirBundle } from './schemas';

/**
 * Hospital systems speak FHIR R4. A notification may come as a Bundle; these read from it the
 * facts of our own notification body (which then checks them), and say what is missing.
 *
 * Birth: Patient (the newborn: gender, birthDate, the patient-birthTime extension, multipleBirthInteger),
 * RelatedPerson with relationship MTH (the mother: identifier of system NIN_SYSTEM, or name and
 * birthDate), Observation LOINC 8339-4 (birth weight, g), Organization (the facility: name,
 * address.state as ISO 3166-2:IQ, address.district). Death: Patient (identifier NIN_SYSTEM,
 * deceasedDateTime), Condition with an ICD-10 code (or Observation LOINC 69453-9 with one),
 * Practitioner (the certifier), Organization. The Bundle's identifier.value is the notificationId.
 */
export const NIN_SYSTEM = 'urn:iq:civil-registry:nin';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const LOINC = 'http://loinc.org';

type Resource = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): Resource[] => (Array.isArray(v) ? (v as Resource[]) : []);
const obj = (v: unknown): Resource => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Resource) : {});

function resources(bundle: FhirBundle, type: string): Resource[] {
  return bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
}

function need<T>(value: T | undefined, path: string, what: string): T {
  if (value === undefined)
    throw badRequest(`The FHIR Bundle lacks ${what}`, [{ path: `body.${path}`, message: `required: ${what}` }]);
  return value;
}

const codings = (concept: unknown) => arr(obj(concept).coding);
const hasCode = (concept: unknown, system: string, code: string) =>
  codings(concept).some((c) => c.system === system && c.code === code);
const ninOf = (r: Resource) => str(arr(r.identifier).find((i) => i.system === NIN_SYSTEM)?.value);

/** Our name parts from a HumanName: given[0] the given name, given[1] the father's, given[2] the grandfather's, family. */
function nameOf(r: Resource) {
  const n = obj(arr(r.name)[0]);
  const given = Array.isArray(n.given) ? (n.given as unknown[]).map(str) : [];
  return {
    givenName: given[0],
    fatherName: given[1],
    grandfatherName: given[2],
    ...(str(n.family) ? { familyName: str(n.family) } : {}),
  };
}

function facilityOf(bundle: FhirBundle) {
  const org = need(resources(bundle, 'Organization')[0], 'entry', 'an Organization (the facility)');
  const address = obj(arr(org.address)[0]);
  return {
    name: need(str(org.name), 'entry.Organization.name', "the facility's name"),
    governorate: need(
      str(address.state),
      'entry.Organization.address.state',
      "the facility's governorate (ISO 3166-2:IQ)",
    ),
    ...(str(address.district) ? { district: str(address.district) } : {}),
  };
}

const notificationIdOf = (bundle: FhirBundle) =>
  need(str(obj(bundle.identifier).value), 'identifier.value', 'identifier.value (the notificationId)');
const timeOf = (dateTime: string | undefined) => (dateTime && /T(\d{2}:\d{2})/.exec(dateTime)?.[1]) || undefined;

export function birthFromFhir(bundle: FhirBundle): unknown {
  const child = need(resources(bundle, 'Patient')[0], 'entry', 'a Patient (the newborn)');
  const mother = need(
    resources(bundle, 'RelatedPerson').find((r) =>
      arr(r.relationship).some((rel) => hasCode(rel, 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', 'MTH')),
    ),
    'entry',
    'a RelatedPerson with relationship MTH (the mother)',
  );
  const weight = resources(bundle, 'Observation').find((o) => hasCode(o.code, LOINC, '8339-4'));
  const birthTime = str(
    arr(obj(child._birthDate).extension).find(
      (e) => e.url === 'http://hl7.org/fhir/StructureDefinition/patient-birthTime',
    )?.valueDateTime,
  );
  const motherNin = ninOf(mother);
  const grams = weight ? obj(weight.valueQuantity) : undefined;
  return {
    notificationId: notificationIdOf(bundle),
    facility: facilityOf(bundle),
    birth: {
      date: need(str(child.birthDate), 'entry.Patient.birthDate', "the newborn's birthDate"),
      ...(timeOf(birthTime) ? { time: timeOf(birthTime) } : {}),
      sex: need(str(child.gender), 'entry.Patient.gender', "the newborn's gender"),
      ...(grams && typeof grams.value === 'number'
        ? { weightGrams: grams.unit === 'kg' ? Math.round(grams.value * 1000) : grams.value }
        : {}),
      ...(typeof child.multipleBirthInteger === 'number' ? { plurality: child.multipleBirthInteger } : {}),
    },
    mother: motherNin ? { nin: motherNin } : { name: nameOf(mother), dateOfBirth: str(mother.birthDate) },
  };
}

export function deathFromFhir(bundle: FhirBundle): unknown {
  const patient = need(resources(bundle, 'Patient')[0], 'entry', 'a Patient (the deceased)');
  const deceasedAt = need(str(patient.deceasedDateTime), 'entry.Patient.deceasedDateTime', 'Patient.deceasedDateTime');
  const cause =
    resources(bundle, 'Condition')
      .map((c) => ({ coding: codings(c.code).find((x) => x.system === ICD10), text: str(obj(c.code).text) }))
      .find((c) => c.coding) ??
    resources(bundle, 'Observation')
      .filter((o) => hasCode(o.code, LOINC, '69453-9'))
      .map((o) => ({
        coding: codings(o.valueCodeableConcept).find((x) => x.system === ICD10),
        text: str(obj(o.valueCodeableConcept).text),
      }))
      .find((c) => c.coding);
  const coding = need(
    cause?.coding,
    'entry',
    'a Condition (or Observation 69453-9) coded in ICD-10: the cause of death',
  );
  const practitioner = need(resources(bundle, 'Practitioner')[0], 'entry', 'a Practitioner (the certifier)');
  const pName = obj(arr(practitioner.name)[0]);
  const licence = str(obj(arr(practitioner.identifier)[0]).value);
  return {
    notificationId: notificationIdOf(bundle),
    facility: facilityOf(bundle),
    deceased: {
      nin: need(ninOf(patient), 'entry.Patient.identifier', `the deceased's NIN (identifier of system ${NIN_SYSTEM})`),
    },
    dateOfDeath: deceasedAt.slice(0, 10),
    ...(timeOf(deceasedAt) ? { timeOfDeath: timeOf(deceasedAt) } : {}),
    causeOfDeath: { icd10: str(coding.code), ...(cause?.text ? { text: cause.text } : {}) },
    certifier: {
      type: 'physician',
      name:
        str(pName.text) ??
        [...(Array.isArray(pName.given) ? (pName.given as string[]) : []), str(pName.family)].filter(Boolean).join(' '),
      ...(licence ? { licenceNumber: licence } : {}),
    },
  };
}
