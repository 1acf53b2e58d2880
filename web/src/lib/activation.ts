import { latinDigits, ninProblem } from './nin';

export const ACTIVATION_FIELDS = ['nin', 'code', 'password', 'confirm'] as const;
export type ActivationField = (typeof ACTIVATION_FIELDS)[number];
/** What the citizen typed, checked as the service will (src/modules/citizens, users/password-policy.ts). */
export function checkActivation(v: Record<ActivationField, string>): Partial<Record<ActivationField, string>> {
  const found: Partial<Record<ActivationField, string>> = {};
  const nin = latinDigits(v.nin).replace(/\s/g, '');
  const problem = v.nin.trim() ? ninProblem(v.nin) : 'required';
  if (problem) found.nin = `check.${problem}`;
  if (!v.code.trim()) found.code = 'check.required';
  else if (!/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/.test(v.code.trim())) found.code = 'people.activate.codeFormat';
  if (!v.password) found.password = 'check.required';
  else if (v.password.length < 12) found.password = 'people.activate.short';
  else if (nin.length >= 3 && v.password.includes(nin)) found.password = 'people.activate.hasNin';
  if (!v.confirm) found.confirm = 'check.required';
  else if (v.password && v.confirm !== v.password) found.confirm = 'people.activate.mismatch';
  return found;
}
