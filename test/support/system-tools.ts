import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The browser the verification-page tests drive (Debian's chromium; CHROMIUM_PATH to use another). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/**
 * The certificate tests need poppler's pdftoppm (a PDF page to PNG) and Chromium (the
 * verification page): installed from Debian's packages on first run when missing, as root.
 */
export function ensureSystemTools(log: (m: string) => void): void {
  const missing = [...(has('pdftoppm') ? [] : ['poppler-utils']), ...(existsSync(CHROMIUM) ? [] : ['chromium'])];
  if (missing.length === 0) return;
  if (!has('apt-get') || process.getuid?.() !== 0) {
    throw new Error(
      `the tests need ${missing.join(' and ')}: install them (Debian: apt-get install ${missing.join(' ')}), or set CHROMIUM_PATH`,
    );
  }
  log(`installing ${missing.join(' and ')} from Debian's packages (once)…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
