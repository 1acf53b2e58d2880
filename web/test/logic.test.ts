import { describe, expect, it } from 'vitest';
import { BIRTH_CODES, birthBody, checkBirth, emptyBirth } from '../src/lib/birth-form';
import { readKind } from '../src/lib/access-log';
import { certificateWords } from '../src/lib/access-words';
import { checkConsent, consentLimits } from '../src/lib/consent-form';
import { en } from '../src/i18n/en';
import { eventName } from '../src/lib/events';
import { formatDate } from '../src/lib/format';
import { latinDigits, ninProblem } from '../src/lib/nin';
import { fieldErrors } from '../src/lib/problem';
import { claimsOf } from '../src/session/claims';
import { directionOf, startingLanguage } from '../src/i18n/languages';

// 12345678901 and its Verhoeff check digit (computed by the service's verhoeffDigit): 123456789010.
const NIN = '123456789010';

describe('the NIN check before sending', () => {
  it('accepts a valid NIN, typed in Latin or Arabic-Indic digits, with spaces', () => {
    expect(ninProblem(NIN)).toBeUndefined();
    expect(ninProblem('١٢٣٤٥٦٧٨٩٠١٠')).toBeUndefined();
    expect(ninProblem('1234 5678 9010')).toBeUndefined();
    expect(latinDigits('۱۲۳')).toBe('123');
  });
  it('says whether it is the length or the check digit that is wrong', () => {
    expect(ninProblem('12345')).toBe('ninDigits');
    expect(ninProblem('023456789010')).toBe('ninDigits');
    expect(ninProblem('12345678901a')).toBe('ninDigits');
    expect(ninProblem('123456789011')).toBe('ninCheck');
    expect(ninProblem('213456789010')).toBe('ninCheck'); // two digits swapped
  });
});

describe('the birth form', () => {
  const filled = {
    ...emptyBirth(),
    'child.givenName': 'زينب',
    'child.sex': 'female',
    'child.dateOfBirth': '2026-03-14',
    'child.placeOfBirth.governorate': 'IQ-BG',
    'mother.nin': NIN,
  };
  it('names each required field that is empty, and nothing else', () => {
    expect(checkBirth(emptyBirth(), '2026-12-01')).toEqual({
      'child.givenName': 'required',
      'child.sex': 'required',
      'child.dateOfBirth': 'required',
      'child.placeOfBirth.governorate': 'required',
      'mother.nin': 'required',
    });
    expect(checkBirth(filled, '2026-12-01')).toEqual({});
  });
  it('refuses Latin names, a date after today and a wrong NIN', () => {
    expect(
      checkBirth(
        { ...filled, 'child.givenName': 'Zainab', 'child.dateOfBirth': '2026-12-02', 'father.nin': '123456789011' },
        '2026-12-01',
      ),
    ).toEqual({ 'child.givenName': 'arabic', 'child.dateOfBirth': 'future', 'father.nin': 'ninCheck' });
  });
  it('sends what was filled in, without empty optional fields', () => {
    expect(birthBody({ ...filled, 'mother.nin': '١٢٣٤٥٦٧٨٩٠١٠' })).toEqual({
      child: {
        givenName: 'زينب',
        sex: 'female',
        dateOfBirth: '2026-03-14',
        placeOfBirth: { governorate: 'IQ-BG' },
      },
      mother: { nin: NIN },
    });
    expect(birthBody({ ...filled, 'father.nin': NIN }).father).toEqual({ nin: NIN });
  });
});

describe("the server's field errors", () => {
  const fields = ['child.givenName', 'child.placeOfBirth.governorate', 'mother.nin'];
  it('go beside the field they name, or a field they are part of, others above the form', () => {
    expect(
      fieldErrors(
        {
          status: 400,
          errors: [
            { path: 'body.child.givenName', message: 'is required' },
            { path: 'body.mother.nin', message: 'is not a NIN' },
            { path: 'body.mother', message: 'no person has this NIN' },
          ],
        },
        fields,
      ),
    ).toEqual({ 'child.givenName': 'is required', 'mother.nin': 'is not a NIN', '': 'no person has this NIN' });
  });
  it('put a refusal whose code is about one field beside it', () => {
    const problem = { status: 422, code: 'mother-not-found', detail: 'No person with NIN 123456789010 (the mother)' };
    expect(fieldErrors(problem, fields, BIRTH_CODES)).toEqual({ 'mother.nin': problem.detail });
  });
  it('give the detail above the form when they name no field', () => {
    expect(fieldErrors({ status: 422, detail: 'The mother is deceased' }, fields)).toEqual({
      '': 'The mother is deceased',
    });
  });
});

describe('languages', () => {
  it('start in Arabic, or the first of the browser’s languages we have, or the one chosen before', () => {
    expect(startingLanguage(null, ['fr-FR', 'de'])).toBe('ar');
    expect(startingLanguage(null, ['ckb-IQ', 'ar'])).toBe('ckb');
    expect(startingLanguage(null, ['ku', 'en'])).toBe('ckb');
    expect(startingLanguage(null, ['fr', 'en-GB', 'ar'])).toBe('en');
    expect(startingLanguage('en', ['ar'])).toBe('en');
    expect(startingLanguage('xx', ['ckb'])).toBe('ckb');
    expect([directionOf('ar'), directionOf('ckb'), directionOf('en')]).toEqual(['rtl', 'rtl', 'ltr']);
  });
  it('write dates with Latin digits, with Iraq’s month names in Arabic', () => {
    const arabic = formatDate('2026-01-14', 'ar');
    expect(arabic).toContain('14');
    expect(arabic).toContain('2026');
    expect(arabic).toContain('كانون الثاني');
    expect(formatDate('2026-01-14', 'en')).toBe('14 January 2026');
    expect(formatDate('2026-01-14', 'ckb')).toBe('14 کانوونی دووەم 2026');
    expect(formatDate('2026-07-01T21:30:00Z', 'ckb')).toBe('2 تەممووز 2026، 00:30'); // Baghdad is UTC+3
  });
  it('write dates with Arabic-Indic digits when chosen, in Arabic and Kurdish only', () => {
    expect(formatDate('2026-01-14', 'ar', 'arab')).toContain('١٤');
    expect(formatDate('2026-01-14', 'ar', 'arab')).toContain('٢٠٢٦');
    expect(formatDate('2026-01-14', 'ar', 'arab')).not.toMatch(/[0-9]/);
    expect(formatDate('2026-01-14', 'ckb', 'arab')).toBe('١٤ کانوونی دووەم ٢٠٢٦');
    expect(formatDate('2026-01-14', 'en', 'arab')).toBe('14 January 2026');
    expect(formatDate('2026-01-14', 'ar', 'latn')).toMatch(/^14 كانون الثاني 2026$/);
  });
});

describe('the history', () => {
  it('names the kinds of entries it knows, and leaves others as they are', () => {
    expect(eventName('birth.declared')).toBe('declared');
    expect(eventName('record.rejected')).toBe('rejected');
    expect(eventName('certificate.issued')).toBe('issued');
    expect(eventName('record.duplicate-reviewed')).toBeUndefined();
  });
});

describe('the signed-in user', () => {
  it('is read from the access token’s claims', () => {
    const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    const token = `${part({ alg: 'ES256' })}.${part({ sub: 'u_1', role: 'registrar', office: 'BGD' })}.sig`;
    expect(claimsOf(token)).toEqual({ id: 'u_1', role: 'registrar', office: 'BGD' });
    const citizen = `${part({ alg: 'ES256' })}.${part({ sub: 'u_2', role: 'citizen', office: 'BGD', nin: NIN })}.sig`;
    expect(claimsOf(citizen)).toEqual({ id: 'u_2', role: 'citizen', office: 'BGD', nin: NIN });
  });
});

describe('the access log in plain words', () => {
  it('tells an identity check, a look at the register, a record, a certificate and a feed apart', () => {
    expect(readKind('POST /v1/identity/verification')).toBe('identity');
    expect(readKind('GET /v1/persons/{nin}')).toBe('person');
    expect(readKind('GET /v1/persons')).toBe('person');
    expect(readKind('GET /v1/records/{id}/history')).toBe('record');
    expect(readKind('POST /v1/certificates')).toBe('certificate');
    expect(readKind('GET /v1/feed')).toBe('feed');
    expect(readKind('webhook s_123')).toBe('feed');
    expect(readKind('GET /v1/something-new')).toBe('other');
  });
  it('names the certificate a system obtained by its kind, the extract too, and any other plainly', () => {
    const words = (kind?: string) => {
      const key = certificateWords(kind).replace(/^people\.log\.certificates\./, '');
      return en.people.log.certificates[key as keyof typeof en.people.log.certificates];
    };
    expect(words('birth')).toBe('birth certificate');
    expect(words('civil-status-extract')).toBe('civil-status extract');
    expect(words('foetal-death')).toBe('certificate of stillbirth');
    expect([words('something-new'), words(undefined)]).toEqual(['certificate', 'certificate']);
  });
});

describe('the consent form', () => {
  const limits = consentLimits(new Date(2026, 11, 3, 23, 30));
  it('offers end dates from tomorrow to a year from today, on this computer’s calendar', () => {
    expect(limits).toEqual({ first: '2026-12-04', last: '2027-12-03' });
  });
  it('asks for a system, a purpose of 3 to 200 characters and an end date within those', () => {
    const good = { clientId: 'cl_1', purpose: ' school enrolment ', expiresAt: '2027-06-30' };
    expect(checkConsent(good, limits)).toEqual({});
    expect(checkConsent({ clientId: '', purpose: '  ', expiresAt: '' }, limits)).toEqual({
      clientId: 'check.required',
      purpose: 'check.required',
      expiresAt: 'check.required',
    });
    expect(checkConsent({ ...good, purpose: 'ab', expiresAt: '2026-12-03' }, limits)).toEqual({
      purpose: 'consents.check.purpose',
      expiresAt: 'consents.check.past',
    });
    expect(checkConsent({ ...good, expiresAt: '2027-12-04' }, limits)).toEqual({ expiresAt: 'consents.check.tooLong' });
  });
});
