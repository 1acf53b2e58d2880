// Builds the office console (web/) into web/dist, which the service serves at /. Run by the
// root's postinstall (so `npm ci && npm start` gives the console) and, with --if-missing, before
// `npm start`. It installs the console's own packages (web/package-lock.json) first.
// CONSOLE_BUILD=0 skips it (an image that builds web/ in a stage of its own, or an API-only install).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web');
const log = (m) => process.stderr.write(`console: ${m}\n`);

if (process.env.CONSOLE_BUILD === '0') {
  log('CONSOLE_BUILD=0: not built');
} else if (!existsSync(path.join(web, 'package.json'))) {
  log('no web/ here: the service runs without the console');
} else if (process.argv.includes('--if-missing') && existsSync(path.join(web, 'dist', 'index.html'))) {
  // built already (npm ci did it); `npm run build --prefix web` rebuilds after a change
} else {
  const npm = (...args) => execFileSync('npm', args, { cwd: web, stdio: ['ignore', 'inherit', 'inherit'] });
  log('installing its packages and building it (once)…');
  npm('ci', '--no-audit', '--no-fund');
  npm('run', 'build');
}
