/** Options of startBotFrameworkSimulator and their defaults. */

export interface BotFrameworkSimulatorOptions {
  /** 0 = random free port. */
  port?: number;
  host?: string;
  /** How long a Connector call hangs when a `hang` failure is queued (the Connector's 15 s). */
  hangMs?: number;
  /** The Connector gives up on the bot's messaging endpoint after this (about 15 s). */
  deliveryTimeoutMs?: number;
  /** Lifetime of fake AAD tokens and Connector JWTs. */
  tokenLifetimeSeconds?: number;
  /** Activities larger than this get 413 MessageSizeTooBig (Teams: about 100 KB). */
  maxActivityBytes?: number;
}

export type ResolvedOptions = Required<BotFrameworkSimulatorOptions>;

export function resolveOptions(opts: BotFrameworkSimulatorOptions = {}): ResolvedOptions {
  return {
    port: opts.port ?? 0,
    host: opts.host ?? '127.0.0.1',
    hangMs: opts.hangMs ?? 15_000,
    deliveryTimeoutMs: opts.deliveryTimeoutMs ?? 15_000,
    tokenLifetimeSeconds: opts.tokenLifetimeSeconds ?? 3600,
    maxActivityBytes: opts.maxActivityBytes ?? 100_000,
  };
}
