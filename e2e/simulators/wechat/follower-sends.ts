/** A follower acts: record it (window, subscription), then push it to the account's server URL. */
import { HttpError } from '../http';
import type { SimContext } from './context';
import { newOpenId } from './ids';
import { buildPush, type FollowerAction } from './push-xml';
import type { Account, PushRecord } from './types';

export interface FollowerSendResult {
  openId: string;
  pushId: string;
  /** Messages only (events have none): the exact 19-digit text. */
  msgId?: string;
  createTime: number;
  /** The push so far: after its first attempt, or final with `wait`. */
  push: PushRecord;
}

export function registeredAccount(ctx: SimContext, appId: string): Account {
  const account = ctx.state.accounts.get(appId);
  if (!account) throw new HttpError(404, { error: `unknown account ${appId}: register it first (POST /_sim/accounts)` });
  return account;
}

export async function followerSends(ctx: SimContext, action: FollowerAction): Promise<FollowerSendResult> {
  const account = registeredAccount(ctx, action.appId);
  if (!account.webhookUrl) throw new HttpError(409, { error: `account ${account.appId} has no server URL to push to` });
  const openId = action.openId ?? newOpenId();
  const built = buildPush(ctx, account, openId, action);
  const now = ctx.clock.now();
  ctx.state.upsertFollower(account.appId, openId, {
    name: action.name,
    ...(built.qualifies ? { lastInteractionAt: now, sentSinceInteraction: 0, subscribed: true } : {}),
    ...(action.type === 'unsubscribe' ? { subscribed: false } : {}),
  });

  const pushId = `push_${ctx.state.nextSeq()}`;
  const push: PushRecord = {
    pushId, appId: account.appId, openId, msgType: built.msgType, createTime: built.createTime, xml: built.xml, attempts: [], outcome: 'pending',
    ...(built.event ? { event: built.event } : {}), ...(built.msgId ? { msgId: built.msgId } : {}),
  };
  ctx.state.addPush(push);
  ctx.state.inbound.push({
    seq: ctx.state.nextSeq(), appId: account.appId, openId, msgType: built.msgType, createTime: built.createTime, time: now, summary: built.summary, pushId,
    ...(built.event ? { event: built.event } : {}), ...(built.msgId ? { msgId: built.msgId } : {}), ...(built.text !== undefined ? { text: built.text } : {}),
  });

  const { first, finished } = ctx.pusher.start(account, push);
  await (action.wait ? finished : first);
  return { openId, pushId, createTime: built.createTime, push, ...(built.msgId ? { msgId: built.msgId } : {}) };
}
