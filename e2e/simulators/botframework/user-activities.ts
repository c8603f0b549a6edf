/** What the user side does: find or start a conversation, build the activity, apply its effects, deliver it. */
import { HttpError } from '../http';
import { type Activity, baseActivity, botAccountId, messageActivity } from './activities';
import { type SimulatorContext, serviceUrlFor } from './context';
import type { ParsedActivityInput } from './control-schemas';
import { newAadObjectId, newConversationId, newUserId } from './ids';
import type { Bot, Conversation, Delivery } from './types';
import { deliverActivity } from './webhook-sender';

export interface ActivityResult {
  activity: Activity;
  conversation: Conversation;
  delivery: Delivery;
}

export function registeredBot(ctx: SimulatorContext, appId: string): Bot {
  const bot = ctx.state.bots.get(appId);
  if (!bot) throw new HttpError(400, { error: `no bot registered with appId ${appId}` });
  return bot;
}

function conversationFor(ctx: SimulatorContext, input: ParsedActivityInput): Conversation {
  const { conversations } = ctx.state;
  if (input.conversationId) {
    const found = conversations.get(input.conversationId);
    if (!found || found.appId !== input.appId) throw new HttpError(400, { error: `no conversation ${input.conversationId} for bot ${input.appId}` });
    return found;
  }
  const userId = input.user?.id;
  const existing = [...conversations.values()].find((c) =>
    c.appId === input.appId && c.type === input.conversationType && c.channelId === input.channelId && (!userId || c.user.id === userId));
  if (existing && (userId || !input.user?.name || existing.user.name === input.user.name)) return existing;
  const conversation: Conversation = {
    id: newConversationId(input.conversationType), appId: input.appId, channelId: input.channelId, type: input.conversationType,
    user: { id: userId ?? newUserId(), name: input.user?.name ?? 'Megan Bowen', aadObjectId: newAadObjectId() }, installed: true,
  };
  conversations.set(conversation.id, conversation);
  return conversation;
}

function buildActivity(ctx: SimulatorContext, bot: Bot, conv: Conversation, input: ParsedActivityInput): Activity {
  const base = (type: string) => baseActivity(type, bot, conv, serviceUrlFor(ctx, conv.channelId));
  switch (input.kind) {
    case 'message':
      return messageActivity(base('message'), bot, input);
    case 'reaction':
      return { ...base('messageReaction'), replyToId: input.replyToId, [input.removed ? 'reactionsRemoved' : 'reactionsAdded']: [{ type: input.reaction }] };
    case 'conversationUpdate': {
      const member = input.change.startsWith('bot') ? { id: botAccountId(bot, conv.channelId) } : { id: newUserId(), aadObjectId: newAadObjectId() };
      return { ...base('conversationUpdate'), [input.change.endsWith('Added') ? 'membersAdded' : 'membersRemoved']: [member] };
    }
    case 'installationUpdate':
      return { ...base('installationUpdate'), action: input.action };
    case 'readReceipt':
      return { ...base('event'), name: 'application/vnd.microsoft.readReceipt', value: { lastReadMessageId: input.lastReadMessageId } };
    case 'invoke':
      return { ...base('invoke'), name: input.name, value: input.value };
    case 'typing':
      return base('typing');
  }
}

/** Installing or removing the bot decides whether the Connector lets it post (403 otherwise). */
function applyEffects(conv: Conversation, input: ParsedActivityInput): void {
  if (input.kind === 'installationUpdate') conv.installed = input.action === 'add';
  if (input.kind === 'conversationUpdate' && input.change === 'botAdded') conv.installed = true;
  if (input.kind === 'conversationUpdate' && input.change === 'botRemoved') conv.installed = false;
}

export async function userSends(ctx: SimulatorContext, input: ParsedActivityInput): Promise<ActivityResult> {
  const bot = registeredBot(ctx, input.appId);
  const conversation = conversationFor(ctx, input);
  const activity = buildActivity(ctx, bot, conversation, input);
  applyEffects(conversation, input);
  const delivery = await deliverActivity(ctx, bot, activity, input.token);
  return { activity, conversation, delivery };
}
