/** Customer-service rules for one send (PROTOCOLS.md 3e/3f): follower, subscription, 48 h window, count cap. */
import { wxError } from './api-errors';
import type { SimContext } from './context';
import type { Follower } from './types';

/** Throws the errcode WeChat would give, or returns the follower the message may go to. */
export function checkCustomerService(ctx: SimContext, appId: string, openId: string): Follower {
  const follower = ctx.state.follower(appId, openId);
  if (!follower) throw wxError(40003);
  if (!follower.subscribed) throw wxError(43004);
  const since = follower.lastInteractionAt === null ? Infinity : ctx.clock.now() - follower.lastInteractionAt;
  if (since >= ctx.options.windowMs) throw wxError(45015);
  if (follower.sentSinceInteraction >= ctx.options.messageCap) throw wxError(45047);
  return follower;
}
