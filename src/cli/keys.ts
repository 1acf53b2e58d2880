import { runTool } from './tool';
import { rotateKey, withdrawKey } from '../modules/certificates/key-rotation';

/**
 * `npm run keys:rotate`: a new certificate key, generated into the key folder, signs from now on;
 * the one before keeps verifying what it signed. `npm run keys:withdraw -- KID "reason"`: a
 * compromised key stops verifying (its certificates answer invalid). Both are journaled.
 */
const [command, kid, ...reason] = process.argv.slice(2);
const operator = {
  actor: { id: `operator:${process.env.USER ?? 'unknown'}`, role: 'system' as const },
  requestId: `cli-${command}`,
};

void runTool(async (services) => {
  if (command === 'rotate') {
    const active = await rotateKey(services, operator);
    process.stdout.write(`${JSON.stringify({ active, keys: await services.keyring.jwks() }, null, 2)}\n`);
    return 0;
  }
  if (command === 'withdraw' && kid && reason.length > 0) {
    await withdrawKey(services, operator, kid, reason.join(' '));
    process.stdout.write(`withdrawn: ${kid}\n`);
    return 0;
  }
  process.stderr.write('usage: npm run keys:rotate | npm run keys:withdraw -- KID "reason"\n');
  return 2;
});
