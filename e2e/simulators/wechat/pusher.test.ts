import { afterEach, describe, expect, it } from 'vitest';
import { encryptPassiveReply, passiveTextReplyXml } from '../../../lib/channels/wechat';
import { wechatConfigSchema } from '../../../lib/channels/wechat/config';
import { sha1Signature, unseal } from './crypto';
import { UNAVAILABLE_NOTICE, type WeChatSimulator } from './server';
import { ACCOUNT, type Answer, OPENID, startFastSimulator, startReceiver } from './test-support';
import { readXml } from './xml';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let sim: WeChatSimulator;
let receiver: Receiver;

async function setup(mode: 'plain' | 'compatible' | 'safe', respond?: (n: number) => Answer) {
  receiver = await startReceiver({ respond: respond && ((n) => respond(n)) });
  sim = await startFastSimulator();
  const { verification } = await sim.registerAccount({ ...ACCOUNT, mode, webhookUrl: receiver.url });
  expect(verification?.verified).toBe(true);
}
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
});

const TRICKY = 'a < b && c > "d" ]]> 😀 /::)';

describe('pushes are signed and wrapped per mode', () => {
  it('plain: text/xml body with the inner XML, query signature over (token, timestamp, nonce)', async () => {
    await setup('plain');
    const { msgId } = await sim.followerSends({ appId: ACCOUNT.appId, openId: OPENID, type: 'text', content: TRICKY });
    const [push] = receiver.received;
    const q = push.query;
    expect(push.headers['content-type']).toBe('text/xml');
    expect(q.get('signature')).toBe(sha1Signature(ACCOUNT.token, q.get('timestamp')!, q.get('nonce')!));
    expect(q.get('openid')).toBe(OPENID);
    expect(q.get('tenant')).toBe('acme'); // the server URL's own query is kept
    expect(q.has('msg_signature')).toBe(false);
    expect(readXml(push.rawBody)).toMatchObject({ ToUserName: ACCOUNT.ghId, FromUserName: OPENID, MsgType: 'text', Content: TRICKY, MsgId: msgId });
    expect(BigInt(msgId!)).toBeGreaterThan(1n << 62n);
    expect(msgId).toMatch(/^\d{19}$/);
    expect(push.rawBody).toContain(`<MsgId>${msgId}</MsgId>`);
  });

  it('safe: only ToUserName + Encrypt; msg_signature over Encrypt; decrypts to the message for our appid', async () => {
    await setup('safe');
    const { msgId } = await sim.followerSends({ appId: ACCOUNT.appId, openId: OPENID, type: 'text', content: TRICKY });
    const [{ query: q, rawBody }] = receiver.received;
    const outer = readXml(rawBody)!;
    expect(Object.keys(outer)).toEqual(['ToUserName', 'Encrypt']);
    expect(q.get('encrypt_type')).toBe('aes');
    expect(q.get('msg_signature')).toBe(sha1Signature(ACCOUNT.token, q.get('timestamp')!, q.get('nonce')!, outer.Encrypt));
    const { message, appId } = unseal(outer.Encrypt, ACCOUNT.encodingAesKey);
    expect(appId).toBe(ACCOUNT.appId);
    expect(readXml(message)).toMatchObject({ Content: TRICKY, MsgId: msgId });
  });

  it('compatible: the plaintext fields plus <Encrypt> of the same message', async () => {
    await setup('compatible');
    await sim.followerSends({ appId: ACCOUNT.appId, openId: OPENID, type: 'click', eventKey: 'MENU_1' });
    const outer = readXml(receiver.received[0].rawBody)!;
    expect(outer).toMatchObject({ MsgType: 'event', Event: 'CLICK', EventKey: 'MENU_1' });
    expect(outer).not.toHaveProperty('MsgId');
    const { Encrypt: encrypt, ...plaintext } = outer;
    expect(readXml(unseal(encrypt, ACCOUNT.encodingAesKey).message)).toEqual(plaintext);
  });
});

describe('deadline and retries', () => {
  it('retries a slow server with the same MsgId and CreateTime (re-signed), then shows the unavailable notice', async () => {
    await setup('safe', () => ({ delayMs: 1000 }));
    const result = await sim.followerSends({ appId: ACCOUNT.appId, openId: OPENID, type: 'text', content: 'hello', wait: true });
    expect(result.push).toMatchObject({ outcome: 'unavailable', userSees: UNAVAILABLE_NOTICE });
    expect(result.push.attempts.map((a) => a.verdict)).toEqual(['timeout', 'timeout', 'timeout']);
    const inner = receiver.received.map((p) => readXml(unseal(readXml(p.rawBody)!.Encrypt, ACCOUNT.encodingAesKey).message)!);
    expect(new Set(inner.map((m) => m.MsgId))).toEqual(new Set([result.msgId]));
    expect(new Set(inner.map((m) => m.CreateTime))).toEqual(new Set([String(result.createTime)]));
    expect(new Set(receiver.received.map((p) => p.query.get('nonce'))).size).toBe(3);
    const starts = result.push.attempts.map((a) => a.at);
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(340);
  });

  it('stops retrying once an attempt is answered in time', async () => {
    await setup('plain', (n) => (n === 1 ? { delayMs: 1000 } : {}));
    const result = await sim.followerSends({ appId: ACCOUNT.appId, openId: OPENID, type: 'subscribe', wait: true });
    expect(result.push.outcome).toBe('ok');
    expect(result.push.attempts.map((a) => a.verdict)).toEqual(['timeout', 'ok']);
    expect(result.push.userSees).toBeUndefined();
  });

  it('retries a server that is down (network error) and returns after the first attempt without wait', async () => {
    await setup('plain');
    await receiver.close();
    const result = await sim.followerSends({ appId: ACCOUNT.appId, openId: OPENID, type: 'text', content: 'x' });
    expect(result.push.attempts).toHaveLength(1);
    expect(result.push.attempts[0].verdict).toBe('network_error');
    await sim.pushesIdle();
    expect(sim.pushes()[0]).toMatchObject({ outcome: 'unavailable', userSees: UNAVAILABLE_NOTICE });
    expect(sim.pushes()[0].attempts).toHaveLength(3);
  });
});

describe('reply validation', () => {
  const config = wechatConfigSchema.parse({ appId: ACCOUNT.appId, appSecret: 's', token: ACCOUNT.token, encodingAesKey: ACCOUNT.encodingAesKey, mode: 'safe' });
  const reply = (text: string, toUser = OPENID) => passiveTextReplyXml({ toUser, fromUser: ACCOUNT.ghId, createTime: 1700000000, text });

  it.each([
    ['plain', 'success'],
    ['plain', ''],
    ['plain', reply('Hi ]]> there')],
    ['safe', encryptPassiveReply(reply('Hi ]]> there'), config, { timestamp: 1700000000 })],
    ['compatible', reply('Hi ]]> there')],
  ] as const)('%s mode accepts %j', async (mode, body) => {
    await setup(mode, () => ({ body }));
    const result = await sim.followerSends({ appId: ACCOUNT.appId, openId: OPENID, type: 'text', content: 'q', wait: true });
    expect(result.push.outcome).toBe('ok');
    if (body.startsWith('<xml>')) expect(sim.sent()).toEqual([expect.objectContaining({ via: 'passive_reply', text: 'Hi ]]> there', openId: OPENID })]);
  });

  const forged = encryptPassiveReply(reply('x'), config, { timestamp: 1700000000 }).replace(/<MsgSignature><!\[CDATA\[[0-9a-f]{4}/, '<MsgSignature><![CDATA[0000');
  it.each([
    ['plain', { status: 500, body: 'oops' }, /HTTP 500/],
    ['plain', { body: 'ok' }, /neither "success"/],
    ['plain', { body: ' success' }, /neither "success"/],
    ['plain', { body: reply('x', 'o_someone_else') }, /ToUserName/],
    ['plain', { body: reply('') }, /empty Content/],
    ['safe', { body: reply('x') }, /safe mode needs an encrypted reply/],
    ['safe', { body: forged }, /MsgSignature does not match/],
  ] as const)('%s mode: %j is an abnormal reply (final, not retried)', async (mode, answer, problem) => {
    await setup(mode, () => answer);
    const result = await sim.followerSends({ appId: ACCOUNT.appId, openId: OPENID, type: 'text', content: 'q', wait: true });
    expect(result.push).toMatchObject({ outcome: 'abnormal_reply', userSees: UNAVAILABLE_NOTICE });
    expect(result.push.attempts).toHaveLength(1);
    expect(result.push.attempts[0].problem).toMatch(problem);
  });
});
