/** The simulator's control operations as typed methods; /_sim/ HTTP routes call the same methods. */
import type { z } from 'zod';
import { type SimulatorContext, openIdMetadataUrl, serviceUrlFor, tokenEndpointFor } from './context';
import * as schemas from './control-schemas';
import { parseInput } from './control-schemas';
import { waitFor } from './timers';
import type { Bot, Conversation, Delivery, FailureSpec, SentActivity } from './types';
import { type ActivityResult, registeredBot, userSends } from './user-activities';

export interface TrafficFilter {
  appId?: string;
  conversationId?: string;
}

export class BotFrameworkControl {
  constructor(protected readonly ctx: SimulatorContext) {}

  /** Where a connector must point: OpenID metadata, token endpoint (per tenant) and Connector URLs. */
  info(tenantId?: string) {
    return {
      url: this.ctx.baseUrl(),
      openIdMetadataUrl: openIdMetadataUrl(this.ctx),
      tokenEndpoint: tokenEndpointFor(this.ctx, tenantId ?? '<tenant id>'),
      serviceUrls: { msteams: serviceUrlFor(this.ctx, 'msteams'), webchat: serviceUrlFor(this.ctx, 'webchat') },
      signingKid: this.ctx.keys.current.kid,
    };
  }

  /** Registers (or updates) a bot: its AAD app credentials and its messaging endpoint. */
  registerBot(input: z.input<typeof schemas.registerBotSchema>): Bot {
    const bot: Bot = parseInput(schemas.registerBotSchema, input);
    this.ctx.state.bots.set(bot.appId, bot);
    return bot;
  }

  bots(): Bot[] {
    return [...this.ctx.state.bots.values()];
  }

  /** The user does something in Teams / Web Chat; the activity is delivered to the bot, signed. */
  send(input: schemas.ActivityInput): Promise<ActivityResult> {
    return userSends(this.ctx, parseInput(schemas.activityInputSchema, input));
  }

  conversations(appId?: string): Conversation[] {
    return [...this.ctx.state.conversations.values()].filter((c) => !appId || c.appId === appId);
  }

  /** What bots posted through the Connector, oldest first. */
  sent(filter: TrafficFilter = {}): SentActivity[] {
    return this.ctx.state.listSent(filter);
  }

  /** Activities delivered to bots, and how each bot answered. */
  deliveries(filter: TrafficFilter = {}): Delivery[] {
    return this.ctx.state.deliveries.filter((d) => (!filter.appId || d.appId === filter.appId) && (!filter.conversationId || d.conversationId === filter.conversationId));
  }

  /** The bot's next Connector call(s) fail with this status (429 + Retry-After, 412, 502, 504…) or hang 15 s. */
  failNext(input: z.input<typeof schemas.failNextSchema>): void {
    const { appId, ...spec } = parseInput(schemas.failNextSchema, input);
    registeredBot(this.ctx, appId);
    this.ctx.state.queueFailure(appId, spec satisfies FailureSpec);
  }

  /** A new signing kid from now on (the old key stays published unless dropOld). */
  rotateKeys(input: z.input<typeof schemas.rotateKeysSchema> = {}): Promise<string> {
    return this.ctx.keys.rotate(parseInput(schemas.rotateKeysSchema, input).dropOld);
  }

  /** Revokes issued AAD tokens (of one bot, or all): the Connector answers 401 until a new one is fetched. */
  expireTokens(input: z.input<typeof schemas.expireTokensSchema> = {}): number {
    const { appId } = parseInput(schemas.expireTokensSchema, input);
    let revoked = 0;
    for (const [token, issued] of this.ctx.state.tokens) {
      if (!appId || issued.appId === appId) revoked += Number(this.ctx.state.tokens.delete(token));
    }
    return revoked;
  }

  /** Forgets traffic, tokens and failures (and bots unless keepBots); aborts hanging calls. */
  reset(input: z.input<typeof schemas.resetSchema> = {}): void {
    const { keepBots } = parseInput(schemas.resetSchema, input);
    for (const controller of this.ctx.aborts) controller.abort();
    this.ctx.state.reset(keepBots);
  }

  waitForSent(filter: TrafficFilter & { count?: number } = {}, timeoutMs = 5000): Promise<SentActivity[]> {
    const { count = 1, ...where } = filter;
    return waitFor(() => { const s = this.sent(where); return s.length >= count && s; }, timeoutMs, `${count} sent activit(ies)`);
  }
}
