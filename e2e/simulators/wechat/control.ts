/** The simulator's control operations as typed methods; /_sim/ HTTP routes call the same methods. */
import type { z } from 'zod';
import type { SimContext } from './context';
import * as schemas from './control-schemas';
import { parseInput } from './control-schemas';
import { type FollowerSendResult, followerSends, registeredAccount } from './follower-sends';
import { newGhId } from './ids';
import { verifyServerUrl, type UrlVerifyResult } from './url-verify';
import type { Account, Follower, InboundRecord, MediaRecord, PushRecord, SentRecord } from './types';

export type RegisterAccountInput = z.input<typeof schemas.registerAccountSchema>;
export type FollowerSendInput = z.input<typeof schemas.followerSendSchema>;
export type FailNextInput = z.input<typeof schemas.failNextSchema>;
export type RegisterAccountResult = { account: Account; verification: UrlVerifyResult | null };
export interface TrafficFilter {
  appId?: string;
  openId?: string;
}
export type ConversationItem = ({ direction: 'in'; push?: PushRecord } & InboundRecord) | ({ direction: 'out' } & SentRecord);

const matches = (filter: TrafficFilter) => (r: { appId: string; openId: string }) =>
  (!filter.appId || r.appId === filter.appId) && (!filter.openId || r.openId === filter.openId);

export class WeChatControl {
  constructor(protected readonly ctx: SimContext) {}

  /** Saves the server configuration, then verifies the URL like the console's "submit" (GET echostr). */
  async registerAccount(input: RegisterAccountInput): Promise<RegisterAccountResult> {
    const p = parseInput(schemas.registerAccountSchema, input);
    const previous = this.ctx.state.accounts.get(p.appId);
    const account: Account = { ...p, ghId: p.ghId ?? previous?.ghId ?? newGhId(), verified: null };
    this.ctx.state.accounts.set(account.appId, account);
    if (!account.webhookUrl) return { account, verification: null };
    const verification = await verifyServerUrl(account, Math.floor(Date.now() / 1000)); // real time, as in pusher.ts
    account.verified = verification.verified;
    return { account, verification };
  }

  accounts(): Account[] {
    return [...this.ctx.state.accounts.values()];
  }

  followers(appId?: string): Follower[] {
    return this.ctx.state.followersOf(appId);
  }

  followerSends(input: FollowerSendInput): Promise<FollowerSendResult> {
    return followerSends(this.ctx, parseInput(schemas.followerSendSchema, input));
  }

  /** Customer-service messages and passive replies the app sent, oldest first. */
  sent(filter: TrafficFilter = {}): SentRecord[] {
    return this.ctx.state.sent.filter(matches(filter));
  }

  pushes(filter: TrafficFilter = {}): PushRecord[] {
    return this.ctx.state.pushes.filter(matches(filter));
  }

  /** Every /cgi-bin/token call: when, by whom, and the errcode (0 = a token was issued). */
  tokenLog(appId?: string) {
    return this.ctx.state.tokenLog.filter((t) => !appId || t.appId === appId);
  }

  /** The account's next API call(s) at `endpoint` answer this errcode (after delayMs). */
  failNext(input: FailNextInput): void {
    const { appId, ...error } = parseInput(schemas.failNextSchema, input);
    registeredAccount(this.ctx, appId);
    this.ctx.state.forceError(appId, error);
  }

  /** Moves the platform clock forward: tokens expire, overlaps end, windows close. */
  advanceClock(input: z.input<typeof schemas.advanceClockSchema>): { now: number } {
    const p = parseInput(schemas.advanceClockSchema, input);
    const ms = p.ms ?? (p.seconds ?? 0) * 1000 + (p.hours ?? 0) * 3_600_000;
    return { now: this.ctx.clock.advance(ms) };
  }

  media(mediaId: string): MediaRecord | undefined {
    return this.ctx.state.media.get(mediaId);
  }

  now(): number {
    return this.ctx.clock.now();
  }

  conversation(appId: string, openId: string): ConversationItem[] {
    const pushes = new Map(this.ctx.state.pushes.map((p) => [p.pushId, p]));
    const items: ConversationItem[] = [
      ...this.ctx.state.inbound.filter(matches({ appId, openId })).map((m) => ({ direction: 'in' as const, ...m, push: pushes.get(m.pushId) })),
      ...this.sent({ appId, openId }).map((m) => ({ direction: 'out' as const, ...m })),
    ];
    return items.sort((a, b) => a.time - b.time || a.seq - b.seq);
  }

  /** Forgets all traffic, tokens and followers (and accounts unless keepAccounts); stops retries. */
  reset(options: z.input<typeof schemas.resetSchema> = {}): void {
    const { keepAccounts } = parseInput(schemas.resetSchema, options);
    this.ctx.pusher.cancelPending();
    this.ctx.clock.reset();
    this.ctx.state.reset(keepAccounts);
  }

  /** Resolves once no push is in flight or waiting to be retried. */
  pushesIdle(): Promise<void> {
    return this.ctx.pusher.idle();
  }
}
