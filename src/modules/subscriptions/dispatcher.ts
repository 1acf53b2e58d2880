import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Journal } from '../../journal/journal';
import { readFeed, type FeedEvent } from '../feed/feed';
import type { DeliveryState, Subscription, SubscriptionStore, WebhookCollections } from './model';
import { refusedDestination } from './destination';
import { signatureHeader } from './signature';

export interface DispatcherOptions {
  /** How often to look for new events. */
  pollMs: number;
  /** How long a receiver has to answer. */
  timeoutMs: number;
  /** The first retry's delay; each next one doubles, up to `maxDelayMs`, with jitter. */
  retryBaseMs: number;
  maxDelayMs: number;
  /** After failing this long a subscription is parked until replayed. */
  parkAfterMs: number;
  /** Whether receivers may be on loopback or private addresses. */
  allowPrivate: boolean;
}

const LEASE_MS = 30_000;

export const dispatcherOptions = (c: {
  WEBHOOK_POLL_MS: number;
  WEBHOOK_TIMEOUT_MS: number;
  WEBHOOK_RETRY_BASE_MS: number;
  WEBHOOK_RETRY_MAX_MS: number;
  WEBHOOK_PARK_AFTER_SECONDS: number;
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' | 'false';
}): DispatcherOptions => ({
  allowPrivate: c.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === 'true',
  pollMs: c.WEBHOOK_POLL_MS,
  timeoutMs: c.WEBHOOK_TIMEOUT_MS,
  retryBaseMs: c.WEBHOOK_RETRY_BASE_MS,
  maxDelayMs: c.WEBHOOK_RETRY_MAX_MS,
  parkAfterMs: c.WEBHOOK_PARK_AFTER_SECONDS * 1000,
});

/** The delay before retry n (1, 2, …): exponential, capped, with "equal jitter" (half fixed, half random). */
export function retryDelay(attempt: number, o: Pick<DispatcherOptions, 'retryBaseMs' | 'maxDelayMs'>, random = Math.random): number {
  const ceiling = Math.min(o.maxDelayMs, o.retryBaseMs * 2 ** (attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * The outbox of webhooks, driven by the journal: each subscription has a cursor (the last seq
 * delivered), and its events go one at a time, in journal order, each retried until it succeeds
 * (at least once). Nothing here runs in a command: a slow or dead receiver never slows
 * registration. Several processes may run it: a lease gives each subscription to one at a time.
 */
export class WebhookDispatcher {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly owner = randomBytes(8).toString('hex');

  constructor(
    private readonly deps: { journal: Journal; subscriptions: SubscriptionStore; webhooks: WebhookCollections; log: Logger },
    private readonly options: DispatcherOptions,
  ) {}

  start(): void {
    const loop = () => {
      this.running = this.tick()
        .catch((err: unknown) => this.deps.log.warn({ err }, 'webhook dispatch failed; trying again'))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(loop, this.options.pollMs).unref();
        });
    };
    this.timer = setTimeout(loop, 0).unref();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass over every subscription. */
  async tick(): Promise<void> {
    for (const sub of await this.deps.subscriptions.list({})) {
      const state = await this.claim(sub);
      if (state) await this.deliver(sub, state);
    }
  }

  /** The subscription's state if this dispatcher may deliver it now (its lease, not parked, not waiting for a retry). */
  private async claim(sub: Subscription): Promise<DeliveryState | null> {
    const { state } = this.deps.webhooks;
    await state.updateOne({ _id: sub._id }, { $setOnInsert: { cursor: sub.seq, attempts: 0, parked: false } }, { upsert: true });
    const now = new Date();
    const current = await state.findOne({ _id: sub._id });
    if (!current || current.parked || (current.nextAttemptAt && current.nextAttemptAt > now.toISOString())) return null;
    if (current.leaseOwner && current.leaseOwner !== this.owner && current.leaseUntil && current.leaseUntil > now.toISOString()) return null;
    // One conditional update: of two dispatchers reading the same lease, one gets it.
    const taken = await state.updateOne(
      { _id: sub._id, cursor: current.cursor, leaseUntil: current.leaseUntil },
      { $set: { leaseOwner: this.owner, leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString() } },
    );
    return taken.modifiedCount === 1 ? current : null;
  }

  private async deliver(sub: Subscription, state: DeliveryState): Promise<void> {
    const secret = (await this.deps.webhooks.secrets.findOne({ _id: sub._id }))?.secret;
    if (!secret) return;
    const { events } = await readFeed(this.deps.journal, state.cursor, 50, sub.events);
    let attempts = state.attempts;
    for (const event of events) {
      const outcome = await this.post(sub, secret, event, attempts + 1);
      if (outcome.ok) {
        attempts = 0;
        await this.deps.webhooks.state.updateOne(
          { _id: sub._id, leaseOwner: this.owner },
          { $set: { cursor: event.seq, attempts: 0 }, $unset: { failingSince: '', nextAttemptAt: '' } },
        );
        continue;
      }
      attempts++;
      const now = Date.now();
      const failingSince = state.failingSince ?? new Date(now).toISOString();
      const parked = now - Date.parse(failingSince) >= this.options.parkAfterMs;
      await this.deps.webhooks.state.updateOne(
        { _id: sub._id, leaseOwner: this.owner },
        { $set: { attempts, failingSince, parked, nextAttemptAt: new Date(now + retryDelay(attempts, this.options)).toISOString() } },
      );
      if (parked) this.deps.log.warn({ subscription: sub._id, seq: event.seq }, 'webhook parked after a day of failures');
      return;
    }
  }

  /** One POST of one event, logged. */
  private async post(sub: Subscription, secret: string, event: FeedEvent, attempt: number): Promise<{ ok: boolean }> {
    const body = JSON.stringify({ deliveryId: `${sub._id}:${event.seq}`, subscriptionId: sub._id, event });
    const started = Date.now();
    let httpStatus: number | undefined;
    let error: string | undefined;
    try {
      // Checked again at each delivery: a name may resolve elsewhere since the subscription was made.
      const refused = await refusedDestination(sub.url, this.options.allowPrivate);
      if (refused) throw new Error(`destination not allowed: ${refused}`);
      const res = await fetch(sub.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Signature': signatureHeader(secret, body), 'User-Agent': 'civil-registry-webhooks/1' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      httpStatus = res.status;
      await res.body?.cancel();
    } catch (err) {
      error = (err as Error).name === 'TimeoutError' ? `no answer in ${this.options.timeoutMs} ms` : (err as Error).message;
    }
    const ok = httpStatus !== undefined && httpStatus >= 200 && httpStatus < 300;
    await this.deps.webhooks.log.insertOne({
      _id: `${new Date(started).toISOString()}-${randomBytes(4).toString('hex')}`,
      subscriptionId: sub._id,
      seq: event.seq,
      type: event.type,
      attempt,
      at: new Date(started).toISOString(),
      ok,
      ...(httpStatus !== undefined ? { httpStatus } : {}),
      ...(error ? { error } : {}),
      ms: Date.now() - started,
    });
    return { ok };
  }
}
