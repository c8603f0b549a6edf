/**
 * Pushes a follower's message to the account's server URL like the platform (PROTOCOLS.md 3d/3g):
 * a deadline per attempt (5 s), up to `attempts` attempts `attemptSpacingMs` apart when no complete
 * answer came, then the "unable to provide service" outcome. Every attempt carries the same inner
 * XML (same MsgId/CreateTime) but is signed afresh (new timestamp, nonce and random AES prefix), so
 * an app must dedupe on MsgId, not on the bytes. A complete but unacceptable answer is final.
 */
import type { SimClock } from './clock';
import type { ResolvedOptions } from './options';
import { checkReply } from './reply-check';
import { signPush } from './signing';
import type { SimulatorState } from './state';
import type { Account, PushAttempt, PushRecord } from './types';

export const UNAVAILABLE_NOTICE = '该公众号暂时无法提供服务，请稍后再试';

export class Pusher {
  private readonly waits = new Map<NodeJS.Timeout, () => void>();
  private readonly inFlight = new Set<AbortController>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  /** Bumped by cancelPending: runs of an older generation stop retrying. */
  private generation = 0;

  constructor(private readonly deps: { options: ResolvedOptions; clock: SimClock; state: SimulatorState }) {}

  /** Starts delivering; `first` settles after the first attempt, `finished` with the final outcome. */
  start(account: Account, push: PushRecord): { first: Promise<void>; finished: Promise<PushRecord> } {
    let firstDone!: () => void;
    const first = new Promise<void>((resolve) => (firstDone = resolve));
    this.running += 1;
    const finished = this.run(account, push, firstDone).finally(() => {
      firstDone();
      this.running -= 1;
      this.notifyIdle();
    });
    return { first, finished };
  }

  idle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops every retry and aborts requests in flight; later pushes work as usual. */
  cancelPending(): void {
    this.generation += 1;
    for (const [timer, wake] of this.waits) {
      clearTimeout(timer);
      wake();
    }
    this.waits.clear();
    for (const c of this.inFlight) c.abort(new Error('simulator reset'));
  }

  private async run(account: Account, push: PushRecord, firstDone: () => void): Promise<PushRecord> {
    const { attempts, attemptSpacingMs } = this.deps.options;
    const generation = this.generation;
    for (let n = 1; n <= attempts; n++) {
      const started = Date.now();
      const attempt = await this.attempt(account, push, n);
      push.attempts.push(attempt);
      firstDone();
      if (attempt.verdict === 'ok' || attempt.verdict === 'abnormal_reply') {
        push.outcome = attempt.verdict;
        break;
      }
      if (n === attempts || generation !== this.generation) {
        push.outcome = 'unavailable';
        break;
      }
      await this.sleep(started + attemptSpacingMs - Date.now());
    }
    if (push.outcome !== 'ok') push.userSees = UNAVAILABLE_NOTICE;
    return push;
  }

  private async attempt(account: Account, push: PushRecord, n: number): Promise<PushAttempt> {
    // The query's timestamp is the network's real time, which the app checks against its own clock
    // (5-minute replay window); the platform clock's offset only moves CreateTime and platform rules.
    const signed = signPush(account, push.xml, push.openId, Math.floor(Date.now() / 1000));
    const url = new URL(account.webhookUrl!);
    for (const [name, value] of Object.entries(signed.params)) url.searchParams.set(name, value);
    const deadline = this.deps.options.replyDeadlineMs;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(new Error(`no complete answer within ${deadline} ms`)), deadline);
    const at = Date.now();
    const base = { attempt: n, at, query: url.search, body: signed.body };
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/xml', 'User-Agent': 'Mozilla/4.0' }, body: signed.body, signal: controller.signal });
      const reply = await res.text(); // only a complete answer within the deadline counts
      const verdict = checkReply(account, push.openId, res.status, reply);
      if (verdict.ok && verdict.reply) this.recordPassiveReply(push, verdict.reply);
      return { ...base, ms: Date.now() - at, status: res.status, reply: reply.slice(0, 1000), ...(verdict.ok ? { verdict: 'ok' } : { verdict: 'abnormal_reply', problem: verdict.problem }) };
    } catch (err) {
      const timedOut = controller.signal.aborted;
      const reason = timedOut ? controller.signal.reason : err;
      const cause = reason instanceof Error && reason.cause instanceof Error ? `: ${reason.cause.message}` : '';
      return { ...base, ms: Date.now() - at, status: null, verdict: timedOut ? 'timeout' : 'network_error', error: `${reason instanceof Error ? reason.message : String(reason)}${cause}` };
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  private recordPassiveReply(push: PushRecord, reply: Record<string, string>): void {
    const { state, clock } = this.deps;
    state.sent.push({
      seq: state.nextSeq(), appId: push.appId, openId: push.openId, via: 'passive_reply', msgtype: reply.MsgType,
      ...(reply.Content !== undefined ? { text: reply.Content } : {}), body: reply, time: clock.now(),
    });
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waits.delete(timer);
        resolve();
      }, ms);
      this.waits.set(timer, resolve);
    });
  }

  private notifyIdle(): void {
    if (this.running > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
