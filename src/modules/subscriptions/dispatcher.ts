import type { SubscriptionEvents } from './events';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { Agent, request } from 'undici';
import type { ProjectionStore } from '../../db/store';
import type { Journal } from '../../journal/journal';
import type { AccessLog } from '../access-log/access-log';
import type { Client } from '../clients/store';
import { readFeed, type FeedEvent } from '../feed/reader';
import {
  CLIENT_PARK_REASONS,
  type DeliveryState,
  type ParkedReason,
  type Subscription,
  type SubscriptionStore,
  type WebhookCollections,
} from './store';
import { DestinationRefused, guardedLookup, refusedUrl } from './destination';
import { clientRefusal } from './rules';
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
  /** Whether receivers may be plain http: URLs (implied by allowPrivate). */
  allowHttp: boolean;
}

const LEASE_MS = 30_000;

export const dispatcherOptions = (c: {
  WEBHOOK_POLL_MS: number;
  WEBHOOK_TIMEOUT_MS: number;
  WEBHOOK_RETRY_BASE_MS: number;
  WEBHOOK_RETRY_MAX_MS: number;
  WEBHOOK_PARK_AFTER_SECONDS: number;
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' | 'false';
  WEBHOOK_ALLOW_HTTP: 'true' | 'false';
}): DispatcherOptions => ({
  allowPrivate: c.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === 'true',
  allowHttp: c.WEBHOOK_ALLOW_HTTP === 'true',
  pollMs: c.WEBHOOK_POLL_MS,
  timeoutMs: c.WEBHOOK_TIMEOUT_MS,
  retryBaseMs: c.WEBHOOK_RETRY_BASE_MS,
  maxDelayMs: c.WEBHOOK_RETRY_MAX_MS,
  parkAfterMs: c.WEBHOOK_PARK_AFTER_SECONDS * 1000,
});

/** The delay before retry n (1, 2, …): exponential, capped, with "equal jitter" (half fixed, half random). */
export function retryDelay(
  attempt: number,
  o: Pick<DispatcherOptions, 'retryBaseMs' | 'maxDelayMs'>,
  random = Math.random,
): number {
  const ceiling = Math.min(o.maxDelayMs, o.retryBaseMs * 2 ** (attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * The outbox of webhooks, driven by the journal: each subscription has a cursor (the last seq
 * delivered), and its events go one at a time, in journal order, each retried until it succeeds
 * (at least once). Nothing here runs in a command: a slow or dead receiver never slows
 * registration. Several processes may run it: a lease gives each subscription to one at a time.
 * Before each delivery it checks that the subscription still exists and that its client may read
 * the feed; while the client may not, the subscription is parked and nothing goes out.
 */
export class WebhookDispatcher {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly owner = randomBytes(8).toString('hex');
  /** Every delivery's connections: each address a name resolves to is checked as it is connected to. */
  private readonly agent: Agent;

  constructor(
    private readonly deps: {
      journal: Journal<SubscriptionEvents>;
      subscriptions: SubscriptionStore;
      clients: ProjectionStore<Client>;
      webhooks: WebhookCollections;
      accessLog: AccessLog;
      log: Logger;
    },
    private readonly options: DispatcherOptions,
  ) {
    // The resolver is read at each lookup, so one put in place later (a test's) is the one used.
    const lookup = guardedLookup({ ...options, resolve: (host) => deps.webhooks.resolve(host) });
    this.agent = new Agent({ connect: { lookup } });
  }

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
    await this.agent.close();
    // Hands its subscriptions over now rather than when their leases run out.
    await this.deps.webhooks.state.updateMany(
      { leaseOwner: this.owner },
      { $unset: { leaseOwner: '', leaseUntil: '' } },
    );
  }

  /** One pass over every subscription. */
  async tick(): Promise<void> {
    for (const sub of await this.deps.subscriptions.list({})) {
      if (!(await this.mayDeliver(sub))) continue;
      const state = await this.claim(sub);
      if (state) await this.deliver(sub, state);
    }
  }

  /** Why nothing may go to this subscription now: it ended, or its client may not read the feed. */
  private async refusal(sub: Subscription): Promise<'ended' | ReturnType<typeof clientRefusal>> {
    if (!(await this.deps.subscriptions.exists(sub._id))) return 'ended';
    return clientRefusal(await this.deps.clients.pick(sub.clientId, ['disabled', 'scopes']));
  }

  /**
   * Whether the subscription may be delivered to now. While its client may not read the feed it is
   * parked (for that reason); once the client may again, it resumes where its cursor stands.
   */
  private async mayDeliver(sub: Subscription): Promise<boolean> {
    const refusal = await this.refusal(sub);
    if (refusal === 'ended') return false;
    if (refusal) {
      await this.park(sub, refusal);
      return false;
    }
    await this.deps.webhooks.state.updateOne(
      { _id: sub._id, parkedReason: { $in: [...CLIENT_PARK_REASONS] } },
      { $set: { parked: false }, $unset: { parkedReason: '' } },
    );
    return true;
  }

  /** Parks a subscription that is not parked already (one that is keeps its first reason). */
  private async park(sub: Subscription, reason: ParkedReason): Promise<void> {
    const { state } = this.deps.webhooks;
    await state.updateOne(
      { _id: sub._id },
      { $setOnInsert: { cursor: sub.seq, attempts: 0, parked: false } },
      { upsert: true },
    );
    const parked = await state.updateOne(
      { _id: sub._id, parked: false },
      { $set: { parked: true, parkedReason: reason } },
    );
    if (parked.modifiedCount === 1) this.deps.log.warn({ subscription: sub._id, reason }, 'webhook parked');
  }

  /** The subscription's state if this dispatcher may deliver it now (its lease, not parked, not waiting for a retry). */
  private async claim(sub: Subscription): Promise<DeliveryState | null> {
    const { state } = this.deps.webhooks;
    await state.updateOne(
      { _id: sub._id },
      { $setOnInsert: { cursor: sub.seq, attempts: 0, parked: false } },
      { upsert: true },
    );
    const now = new Date();
    const current = await state.findOne({ _id: sub._id });
    if (!current || current.parked || (current.nextAttemptAt && current.nextAttemptAt > now.toISOString())) return null;
    if (
      current.leaseOwner &&
      current.leaseOwner !== this.owner &&
      current.leaseUntil &&
      current.leaseUntil > now.toISOString()
    )
      return null;
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
      // Again before each event: a client disabled or de-scoped meanwhile gets nothing more.
      const refusal = await this.refusal(sub);
      if (refusal === 'ended') return;
      if (refusal) return this.park(sub, refusal);
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
        {
          $set: {
            attempts,
            failingSince,
            parked,
            ...(parked ? { parkedReason: 'failing' as const } : {}),
            nextAttemptAt: new Date(now + retryDelay(attempts, this.options)).toISOString(),
          },
        },
      );
      if (parked)
        this.deps.log.warn({ subscription: sub._id, seq: event.seq }, 'webhook parked after a day of failures');
      return;
    }
  }

  /** One POST of one event, logged; when it reached the receiver, in the access log of the person it names too. */
  private async post(sub: Subscription, secret: string, event: FeedEvent, attempt: number): Promise<{ ok: boolean }> {
    const body = JSON.stringify({ deliveryId: `${sub._id}:${event.seq}`, subscriptionId: sub._id, event });
    const started = Date.now();
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let httpStatus: number | undefined;
    let error: string | undefined;
    try {
      // The scheme, and an address written in the URL (connected to without a lookup); a name's
      // addresses are checked by the agent's lookup as it connects.
      const refused = refusedUrl(sub.url, this.options);
      if (refused) throw new DestinationRefused(refused);
      const res = await request(sub.url, {
        dispatcher: this.agent,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Signature': signatureHeader(secret, body),
          'User-Agent': 'civil-registry-webhooks/1',
        },
        body,
        signal,
      });
      httpStatus = res.statusCode;
      await res.body.dump();
    } catch (err) {
      if (signal.aborted) error = `no answer in ${this.options.timeoutMs} ms`;
      else if (err instanceof DestinationRefused) error = `destination not allowed: ${err.message}`;
      else error = (err as Error).message;
    }
    const ok = httpStatus !== undefined && httpStatus >= 200 && httpStatus < 300;
    // An answer, or none in time: the receiver may have the body, so the person it names is told.
    if (event.nin && (httpStatus !== undefined || signal.aborted)) {
      this.deps.accessLog.record([event.nin], { id: sub.clientId, role: 'client' }, `webhook ${sub._id}`, {
        type: event.type,
        recordId: event.recordId,
      });
    }
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
