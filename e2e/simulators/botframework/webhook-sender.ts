/**
 * Delivers an activity to the bot's messaging endpoint like the Connector: JSON body, a signed
 * JWT in `Authorization: Bearer`, and a 15 s limit after which the Connector gives up (no retry).
 */
import type { Activity } from './activities';
import type { SimulatorContext } from './context';
import { connectorAuthorization, type TokenVariant } from './tokens';
import type { Bot, Delivery } from './types';

export async function deliverActivity(ctx: SimulatorContext, bot: Bot, activity: Activity, variant: TokenVariant): Promise<Delivery> {
  const body = JSON.stringify(activity);
  const started = Date.now();
  const record = (fields: Pick<Delivery, 'status' | 'responseBody'> & { error?: string }): Delivery => {
    const delivery: Delivery = {
      seq: ctx.state.nextSeq(), appId: bot.appId, conversationId: (activity.conversation as { id: string }).id,
      activityId: activity.id, activityType: activity.type, tokenVariant: variant, ms: Date.now() - started, at: started, body, ...fields,
    };
    ctx.state.deliveries.push(delivery);
    return delivery;
  };
  if (!bot.messagingEndpoint) return record({ status: null, responseBody: '', error: 'the bot has no messaging endpoint' });

  const authorization = await connectorAuthorization(ctx.keys, {
    appId: bot.appId, serviceUrl: activity.serviceUrl, lifetimeSeconds: ctx.options.tokenLifetimeSeconds, variant,
  });
  const controller = new AbortController();
  ctx.aborts.add(controller);
  const timer = setTimeout(() => controller.abort(new Error(`no response within ${ctx.options.deliveryTimeoutMs} ms`)), ctx.options.deliveryTimeoutMs);
  try {
    const res = await fetch(bot.messagingEndpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Microsoft-BotFramework/3.1 (Switchboard simulator)',
        ...(authorization ? { Authorization: authorization } : {}),
      },
      body,
      signal: controller.signal,
    });
    return record({ status: res.status, responseBody: await res.text() });
  } catch (err) {
    const reason = controller.signal.aborted && controller.signal.reason instanceof Error ? controller.signal.reason.message : err instanceof Error ? `${err.message}${err.cause instanceof Error ? `: ${err.cause.message}` : ''}` : String(err);
    return record({ status: null, responseBody: '', error: reason });
  } finally {
    clearTimeout(timer);
    ctx.aborts.delete(controller);
  }
}
