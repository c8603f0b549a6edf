import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MalformedPayloadError } from '../types';
import { parseBotFrameworkActivity } from './parse';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', `${name}.json`));
const parse = (name: string) => parseBotFrameworkActivity(fixture(name));
const parseJson = (activity: unknown) => parseBotFrameworkActivity(Buffer.from(JSON.stringify(activity)));

const BOT = '28:9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a';
const USER = '29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw';
const PERSONAL = 'a:1Lz3qvTqXbGtz7F8h2Q4mNpR5sUvWxYzAbCdEfGhIjKlMn';
const CHANNEL = '19:abc@thread.tacv2;messageid=1701111111111';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

describe('parseBotFrameworkActivity: messages', () => {
  it('Teams personal chat text: contact = conversation, reference for replies', () => {
    expect(parse('teams-personal-text')).toEqual([{
      type: 'message', externalId: '1485983408511', dedupeKey: `msteams:${PERSONAL}:1485983408511`,
      timestamp: new Date('2017-02-01T21:10:07.437Z'),
      contact: { externalId: PERSONAL, name: 'Megan Bowen' }, text: 'I need help with my order', attachments: [],
      reference: {
        serviceUrl: SERVICE_URL, channelId: 'msteams', conversationId: PERSONAL, conversationType: 'personal',
        botId: BOT, botName: 'SupportBot', userId: USER, userName: 'Megan Bowen', tenantId: TENANT, activityId: '1485983408511',
      },
    }]);
  });

  it('removes the bot <at> mention, keeps other names, ignores the text/html copy', () => {
    const [event] = parse('teams-channel-mention');
    expect(event).toMatchObject({
      type: 'message', text: "my laptop won't boot, cc Adele Vance", attachments: [],
      contact: { externalId: CHANNEL }, dedupeKey: `msteams:${CHANNEL}:1701111222333`,
      reference: { conversationId: CHANNEL, conversationType: 'channel', activityId: '1701111222333' },
    });
  });

  it('cleans HTML-escaped mention markup too', () => {
    expect(parse('teams-mention-escaped')[0]).toMatchObject({ text: 'Ticket for Adele Vance please' });
  });

  it('value-only Adaptive Card submit → postback with the JSON value and a readable text', () => {
    const [event] = parse('card-submit');
    expect(event).toMatchObject({
      type: 'message', externalId: '1701111444555', replyToExternalId: '1701111400000',
      text: 'Submitted a card: action: rate, rating: 5, comment: Quick and helpful',
      postback: { payload: '{"action":"rate","rating":"5","comment":"Quick and helpful"}' },
    });
    expect(event.type === 'message' && event.postback?.title).toBeFalsy();
  });

  it('a card-only message is not empty', () => {
    expect(parse('card-only')[0]).toMatchObject({ type: 'message', text: '[Adaptive Card]', attachments: [] });
  });

  it('Web Chat uploads keep contentType, contentUrl and name; 7-digit timestamps parse', () => {
    const [event] = parse('webchat-image');
    expect(event).toMatchObject({
      type: 'message', timestamp: new Date('2017-02-01T21:10:07.437Z'),
      dedupeKey: 'webchat:Kx9YzQ1Ab2c3D4e5F6g7H8-us:Kx9YzQ1Ab2c3D4e5F6g7H8-us|0000003',
      attachments: [
        { kind: 'image', mimeType: 'image/png', name: 'receipt.png', url: 'https://webchat.botframework.com/attachments/Kx9YzQ1Ab2c3D4e5F6g7H8-us/0000003/0/receipt.png?t=abc' },
        { kind: 'file', mimeType: 'application/pdf', name: 'invoice.pdf', url: 'https://webchat.botframework.com/attachments/Kx9YzQ1Ab2c3D4e5F6g7H8-us/0000003/1/invoice.pdf?t=abc' },
      ],
      reference: { serviceUrl: 'https://webchat.botframework.com/', channelId: 'webchat', botId: 'supportbot@Ab12Cd34' },
    });
    expect(event.type === 'message' && event.text).toBeFalsy();
  });

  it('Teams file → file with the pre-authorised downloadUrl; inline image kept', () => {
    expect(parse('teams-file')[0]).toMatchObject({
      text: 'here is the log',
      attachments: [
        { kind: 'file', name: 'crash.log', url: expect.stringContaining('download.aspx?UniqueId=abc') },
        { kind: 'image', url: 'https://smba.trafficmanager.net/amer/v3/attachments/0-wus-d1-abc/views/original' },
      ],
    });
  });

  it.each([
    ['2017-02-01T21:10:07.4370000Z', '2017-02-01T21:10:07.437Z'],
    ['2023-11-27T18:26:01.1234567Z', '2023-11-27T18:26:01.123Z'],
    ['2017-02-01T13:10:07.4370000-08:00', '2017-02-01T21:10:07.437Z'],
    ['2023-11-27T18:40:00.5Z', '2023-11-27T18:40:00.500Z'],
    ['2023-11-27T18:41:00Z', '2023-11-27T18:41:00.000Z'],
  ])('timestamp %s', (timestamp, iso) => {
    const activity = JSON.parse(fixture('teams-personal-text').toString());
    expect(parseJson({ ...activity, timestamp })[0].timestamp.toISOString()).toBe(iso);
  });
});

describe('parseBotFrameworkActivity: other activities', () => {
  it('conversationUpdate adding the bot → subscribed, with a reference but no reply-to', () => {
    const [event] = parse('conversation-update-bot-added');
    expect(event).toMatchObject({
      type: 'contact_state', state: 'subscribed', contactExternalId: PERSONAL,
      contact: { externalId: PERSONAL, name: 'Megan Bowen' }, timestamp: new Date('2023-11-27T18:00:00.123Z'),
      dedupeKey: `msteams:${PERSONAL}:f:8b3a9d70-7a9a-4a7c-b1f5-1c0b2f3e4d5a`,
      reference: { serviceUrl: SERVICE_URL, conversationId: PERSONAL, botId: BOT },
    });
    expect(event.type === 'contact_state' && event.reference).not.toHaveProperty('activityId');
  });

  it('conversationUpdate removing the bot → unsubscribed; other members → unsupported', () => {
    expect(parse('conversation-update-bot-removed')[0]).toMatchObject({ type: 'contact_state', state: 'unsubscribed' });
    expect(parse('conversation-update-user-added')[0]).toMatchObject({
      type: 'unsupported', contactExternalId: CHANNEL, description: expect.stringContaining('1 member(s) added'),
    });
  });

  it('messageReaction → one reaction event per reaction, on replyToId', () => {
    const events = parse('message-reaction');
    const key = `msteams:${PERSONAL}:1701111777888`;
    expect(events).toEqual([
      { type: 'reaction', contactExternalId: PERSONAL, messageExternalId: '1701111999000', emoji: null, timestamp: new Date('2023-11-27T18:50:00.765Z'), dedupeKey: `${key}:removed:heart` },
      { type: 'reaction', contactExternalId: PERSONAL, messageExternalId: '1701111999000', emoji: '👍', timestamp: new Date('2023-11-27T18:50:00.765Z'), dedupeKey: `${key}:added:like` },
    ]);
  });

  it('installationUpdate add/remove → subscribed/unsubscribed', () => {
    expect(parse('installation-add')[0]).toMatchObject({ type: 'contact_state', state: 'subscribed', contactExternalId: PERSONAL, reference: { serviceUrl: SERVICE_URL } });
    expect(parse('installation-remove')[0]).toMatchObject({ type: 'contact_state', state: 'unsubscribed' });
  });

  it('Teams read receipt → read status of lastReadMessageId', () => {
    expect(parse('read-receipt')).toEqual([{
      type: 'status', status: 'read', contactExternalId: PERSONAL, messageExternalIds: ['1701111111111'],
      timestamp: new Date('2023-11-27T19:00:00.000Z'), dedupeKey: `msteams:${PERSONAL}:f:2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e`,
    }]);
  });

  it('invoke, typing and other events → unsupported', () => {
    expect(parse('invoke')[0]).toMatchObject({ type: 'unsupported', description: expect.stringContaining('invoke "adaptiveCard/action"') });
    expect(parse('typing')[0]).toMatchObject({ type: 'unsupported', description: 'Bot Framework "typing" activity (not handled)' });
    const activity = JSON.parse(fixture('read-receipt').toString());
    expect(parseJson({ ...activity, name: 'application/vnd.microsoft.meetingStart' })[0]).toMatchObject({ type: 'unsupported' });
  });

  it('an activity without id gets a stable key from its bytes', () => {
    const { id: _id, ...activity } = JSON.parse(fixture('typing').toString());
    const [a] = parseJson(activity);
    expect(a.dedupeKey).toMatch(new RegExp(`^msteams:${PERSONAL}:sha256-[0-9a-f]{32}$`));
    expect(parseJson(activity)[0].dedupeKey).toBe(a.dedupeKey);
  });
});

describe('parseBotFrameworkActivity: malformed', () => {
  it.each([
    ['not JSON', 'nope'],
    ['not an object', '[]'],
    ['no conversation', JSON.stringify({ type: 'message', serviceUrl: 'https://x.test/', channelId: 'msteams', from: { id: '1' }, timestamp: '2023-11-27T18:00:00Z' })],
    ['bad timestamp', JSON.stringify({ ...JSON.parse(fixture('typing').toString()), timestamp: 'yesterday' })],
  ])('%s → MalformedPayloadError', (_name, body) => {
    expect(() => parseBotFrameworkActivity(Buffer.from(body))).toThrow(MalformedPayloadError);
  });
});
