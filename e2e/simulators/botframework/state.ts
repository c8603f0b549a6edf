/** In-memory state of the fake Bot Framework: bots, conversations, both directions of traffic, AAD tokens. */
import type { Bot, Conversation, Delivery, FailureSpec, SentActivity } from './types';

export interface IssuedToken {
  appId: string;
  expiresAt: number;
}

export class SimulatorState {
  readonly bots = new Map<string, Bot>();
  readonly conversations = new Map<string, Conversation>();
  readonly deliveries: Delivery[] = [];
  readonly sent: SentActivity[] = [];
  readonly tokens = new Map<string, IssuedToken>();
  private readonly failures = new Map<string, FailureSpec[]>();
  private seq = 0;

  nextSeq(): number {
    return ++this.seq;
  }

  listSent(filter: { appId?: string; conversationId?: string } = {}): SentActivity[] {
    return this.sent.filter((s) => (!filter.appId || s.appId === filter.appId) && (!filter.conversationId || s.conversationId === filter.conversationId));
  }

  queueFailure(appId: string, spec: FailureSpec): void {
    const queue = this.failures.get(appId) ?? [];
    for (let i = 0; i < (spec.times ?? 1); i++) queue.push(spec);
    this.failures.set(appId, queue);
  }

  takeFailure(appId: string): FailureSpec | undefined {
    return this.failures.get(appId)?.shift();
  }

  reset(keepBots = false): void {
    if (!keepBots) this.bots.clear();
    this.conversations.clear();
    this.deliveries.length = 0;
    this.sent.length = 0;
    this.tokens.clear();
    this.failures.clear();
  }
}
