import type { CertificateEvents } from '../certificates/events';
import { createPrivateKey } from 'node:crypto';
import { conflict, notFound } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext } from '../../journal/types';
import { publicJwk } from '../../lib/jwk';
import type { CertificateKeyring } from './keyring';
import type { SigningKeyStore } from './store';

export interface KeyDeps {
  journal: Journal<CertificateEvents>;
  signingKeys: SigningKeyStore;
  keyring: CertificateKeyring;
  config: { CERTIFICATE_VALIDITY_DAYS: number; CERTIFICATE_SIGNING_KEY?: string };
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

/** Makes a kept key the active one; the one active before is retired and verifies what it signed until that expires. */
export async function activateKey(deps: KeyDeps, ctx: CommandContext, kid: string): Promise<void> {
  const privateKey = await deps.keyring.vault.privateKey(kid);
  if (!privateKey) throw new Error(`key ${kid} is not in the key folder`);
  await deps.journal.executeUnlessNothing(ctx, async () => {
    const active = await deps.signingKeys.list({ status: 'active' });
    if (active.some((k) => k._id === kid)) return null;
    const existing = await deps.signingKeys.get(kid);
    if (existing) throw conflict(`Key ${kid} was used before (${existing.status}); make a new one`, 'key-used');
    const now = new Date().toISOString();
    return {
      type: 'certificate-key.activated',
      entityIds: [kid, ...active.map((k) => k._id)],
      data: {
        kid,
        jwk: publicJwk(privateKey),
        retired: active.map((k) => ({
          kid: k._id,
          verifiesUntil: addDays(now, deps.config.CERTIFICATE_VALIDITY_DAYS),
        })),
      },
    };
  });
  deps.keyring.invalidate();
}

/** On start: the key given in the environment becomes active, or a first key is made when there is none. */
export async function ensureActiveKey(deps: KeyDeps, ctx: CommandContext): Promise<void> {
  if (deps.config.CERTIFICATE_SIGNING_KEY) {
    const kid = await deps.keyring.vault.store(createPrivateKey(deps.config.CERTIFICATE_SIGNING_KEY));
    const existing = await deps.signingKeys.get(kid);
    if (existing?.status !== 'active') {
      if (existing)
        throw new Error(`CERTIFICATE_SIGNING_KEY is key ${kid}, which is ${existing.status}: give a new key`);
      await activateKey(deps, ctx, kid);
    }
    return;
  }
  if ((await deps.signingKeys.list({ status: 'active' })).length === 0)
    await activateKey(deps, ctx, await deps.keyring.vault.generate());
}

/** `npm run keys:rotate`: a new key signs from now on. */
export async function rotateKey(deps: KeyDeps, ctx: CommandContext): Promise<string> {
  const kid = await deps.keyring.vault.generate();
  await activateKey(deps, ctx, kid);
  return kid;
}

/** A compromised key: everything it signed verifies as invalid from now on. */
export async function withdrawKey(deps: KeyDeps, ctx: CommandContext, kid: string, reason: string): Promise<void> {
  await deps.journal.execute(ctx, async () => {
    const key = await deps.signingKeys.get(kid);
    if (!key) throw notFound(`No certificate key ${kid}`);
    if (key.status === 'withdrawn') throw conflict(`Key ${kid} is withdrawn already`, 'key-withdrawn');
    if (key.status === 'active') throw conflict(`Key ${kid} is active: rotate first, then withdraw it`, 'key-active');
    return { type: 'certificate-key.withdrawn', entityIds: [kid], data: { kid }, reason };
  });
  deps.keyring.invalidate();
}

export function registerKeyProjectors(journal: Journal<CertificateEvents>, signingKeys: SigningKeyStore): void {
  journal.on('certificate-key.activated', async (entry) => {
    for (const r of entry.data.retired) {
      await signingKeys.applyOnce(r.kid, entry.seq, {
        set: { status: 'retired', retiredAt: entry.at, verifiesUntil: r.verifiesUntil },
      });
    }
    await signingKeys.insertOnce({
      _id: entry.data.kid,
      jwk: entry.data.jwk,
      status: 'active',
      activatedAt: entry.at,
      seq: entry.seq,
    });
  });
  journal.on('certificate-key.withdrawn', (entry) =>
    signingKeys.applyOnce(entry.data.kid, entry.seq, {
      set: { status: 'withdrawn', withdrawnAt: entry.at, withdrawReason: entry.reason },
    }),
  );
}
