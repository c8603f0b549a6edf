/** Options of startWeChatSimulator and their defaults (the real platform's numbers, compressible for tests). */

export interface WeChatSimulatorOptions {
  /** 0 = random free port. */
  port?: number;
  host?: string;
  /** A push without a complete answer within this time is dropped and retried (WeChat: 5 s). */
  replyDeadlineMs?: number;
  /** Attempts per push in total, the first included (PROTOCOLS.md 3d: readings differ between 3 and 4). */
  attempts?: number;
  /** Attempts start this far apart (WeChat: ~5 s, i.e. right after each deadline). */
  attemptSpacingMs?: number;
  /** Lifetime of an access token (WeChat: 7200 s); errcode 42001 after it. */
  tokenTtlSeconds?: number;
  /** How long a token keeps working after a newer one was fetched (WeChat: ~5 minutes); 40001 after it. */
  tokenOverlapMs?: number;
  /** Customer-service window after a qualifying interaction (WeChat: 48 h); 45015 after it. */
  windowMs?: number;
  /** Customer-service messages per interaction before 45047 (sources say 5 or 20). */
  messageCap?: number;
  /** Append " hint: [xxxxxxxx]" to errmsg like the real API (apps must not parse errmsg). */
  errmsgHints?: boolean;
  /** Oldest pushes are dropped past this many (keeps long sessions bounded). */
  maxLogEntries?: number;
}

export type ResolvedOptions = Required<WeChatSimulatorOptions>;

export function resolveOptions(opts: WeChatSimulatorOptions = {}): ResolvedOptions {
  return {
    port: opts.port ?? 0,
    host: opts.host ?? '127.0.0.1',
    replyDeadlineMs: opts.replyDeadlineMs ?? 5000,
    attempts: opts.attempts ?? 3,
    attemptSpacingMs: opts.attemptSpacingMs ?? 5000,
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 7200,
    tokenOverlapMs: opts.tokenOverlapMs ?? 300_000,
    windowMs: opts.windowMs ?? 48 * 3_600_000,
    messageCap: opts.messageCap ?? 5,
    errmsgHints: opts.errmsgHints ?? true,
    maxLogEntries: opts.maxLogEntries ?? 5000,
  };
}
