import { unprocessable } from '../../http/problem';

// Mozilla's list of the 50,000 most common passwords of 8+ characters (MPL-2.0), shipped as a dependency.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const commonPasswords = require('fxa-common-password-list') as { test(password: string): boolean };

export const MIN_PASSWORD_LENGTH = 12;

/** Refuses passwords that are short, common, or built from the username. */
export function checkPassword(password: string, username: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw unprocessable(`The password must have at least ${MIN_PASSWORD_LENGTH} characters`, 'weak-password');
  }
  const lower = password.toLowerCase();
  if (commonPasswords.test(password) || commonPasswords.test(lower)) {
    throw unprocessable('This password is among the most common ones; choose another', 'weak-password');
  }
  if (username.length >= 3 && lower.includes(username.toLowerCase())) {
    throw unprocessable('The password must not contain the username', 'weak-password');
  }
}
