/** In-memory state of the fake platform: accounts, followers, tokens, media and both directions of traffic. */
import type { Account, ForcedError, Follower, InboundRecord, MediaRecord, PushRecord, SentRecord, TokenRecord } from './types';

const key = (appId: string, openId: string) => `${appId}:${openId}`;

export class SimulatorState {
  readonly accounts = new Map<string, Account>();
  readonly followers = new Map<string, Follower>();
  readonly tokens = new Map<string, TokenRecord>();
  /** Every token fetch, oldest first (also the failed ones, with their errcode). */
  readonly tokenLog: { appId: string; at: number; errcode: number; token?: string; callerIp: string }[] = [];
  readonly media = new Map<string, MediaRecord>();
  readonly inbound: InboundRecord[] = [];
  readonly sent: SentRecord[] = [];
  readonly pushes: PushRecord[] = [];
  private readonly forced = new Map<string, ForcedError[]>();
  private seq = 0;

  constructor(private readonly maxLogEntries: number) {}

  nextSeq(): number {
    return ++this.seq;
  }

  follower(appId: string, openId: string): Follower | undefined {
    return this.followers.get(key(appId, openId));
  }

  upsertFollower(appId: string, openId: string, patch: Partial<Omit<Follower, 'appId' | 'openId'>> = {}): Follower {
    const follower = this.followers.get(key(appId, openId))
      ?? { appId, openId, name: `Follower ${openId.slice(-4)}`, subscribed: true, lastInteractionAt: null, sentSinceInteraction: 0 };
    for (const [field, value] of Object.entries(patch)) if (value !== undefined) Object.assign(follower, { [field]: value });
    this.followers.set(key(appId, openId), follower);
    return follower;
  }

  followersOf(appId?: string): Follower[] {
    return [...this.followers.values()].filter((f) => !appId || f.appId === appId);
  }

  addPush(push: PushRecord): void {
    this.pushes.push(push);
    if (this.pushes.length > this.maxLogEntries * 1.1) this.pushes.splice(0, this.pushes.length - this.maxLogEntries);
  }

  forceError(appId: string, error: ForcedError): void {
    const queue = this.forced.get(appId) ?? [];
    for (let i = 0; i < error.times; i++) queue.push(error);
    this.forced.set(appId, queue);
  }

  /** The next forced error for this endpoint (an 'any' error matches every endpoint). */
  takeForced(appId: string, endpoint: ForcedError['endpoint']): ForcedError | undefined {
    const queue = this.forced.get(appId) ?? [];
    const index = queue.findIndex((e) => e.endpoint === endpoint || e.endpoint === 'any');
    return index === -1 ? undefined : queue.splice(index, 1)[0];
  }

  reset(keepAccounts: boolean): void {
    if (!keepAccounts) this.accounts.clear();
    for (const list of [this.tokenLog, this.inbound, this.sent, this.pushes]) list.length = 0;
    for (const map of [this.followers, this.tokens, this.media, this.forced]) map.clear();
  }
}
