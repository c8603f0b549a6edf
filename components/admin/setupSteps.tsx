import type { ReactNode } from 'react';
import type { InboxConfig } from '@/lib/client/types';

interface StepContext {
  config: InboxConfig;
  /** Whether the setup values above include this key (e.g. WeChat's EncodingAESKey). */
  has: (setupKey: string) => boolean;
}

type Steps = (ctx: StepContext) => ReactNode[];

const TEST_STEP = (what: string) => <>Click <b>Test connection</b>, then {what}: it appears in the inbox.</>;

// The console's names for WeChat's message encryption modes (消息加解密方式).
const WECHAT_MODES: Record<string, string> = {
  plain: 'Plaintext mode (明文模式)',
  compatible: 'Compatible mode (兼容模式)',
  safe: 'Safe mode (安全模式)',
};

// How to connect each provider. A channel without an entry gets the generic steps.
const STEPS: Record<string, Steps> = {
  messenger: () => [
    <>In the Meta App Dashboard open <b>Messenger › Webhooks</b> (Messenger API Settings).</>,
    <>Paste the <b>Webhook URL</b> above into <b>Callback URL</b> and the <b>Verify token</b> into <b>Verify token</b>, then click <b>Verify and save</b>.</>,
    <>Subscribe the Page to these webhook fields: <code>messages</code>, <code>message_echoes</code>, <code>message_deliveries</code>, <code>message_reads</code>, <code>messaging_postbacks</code>.</>,
    TEST_STEP('send the Page a message'),
  ],
  whatsapp: () => [
    <>In the Meta App Dashboard open <b>WhatsApp › Configuration</b>.</>,
    <>Under <b>Webhook</b> click <b>Edit</b>: paste the <b>Webhook URL</b> above into <b>Callback URL</b> and the <b>Verify token</b> into <b>Verify token</b>, then click <b>Verify and save</b>.</>,
    <>Under <b>Webhook fields</b> click <b>Manage</b> and subscribe to <code>messages</code> (it carries both messages and delivery statuses).</>,
    TEST_STEP('send a WhatsApp message to the business number'),
  ],
  whatsapp360: () => [
    <>There is nothing to paste into a console: click <b>Register webhook</b> below. Switchboard registers the Webhook URL through 360dialog&apos;s API, with a secret header that 360dialog sends back on every call.</>,
    <>A number has one webhook at 360dialog: registering replaces any URL set before (for example by another tool).</>,
    TEST_STEP('send a WhatsApp message to the number'),
  ],
  wechat: ({ config, has }) => [
    <>In the WeChat Official Account platform open <b>Settings and development › Basic configuration</b> (设置与开发 › 基本配置) and, under <b>Server configuration</b> (服务器配置), click <b>Modify configuration</b>.</>,
    <>Paste the <b>Webhook URL</b> above into <b>URL</b> and the <b>Token</b> into <b>Token</b>.</>,
    has('encodingAesKey')
      ? <>Paste the <b>EncodingAESKey</b> above into <b>EncodingAESKey</b> (do not let WeChat generate a new one).</>
      : <>Leave <b>EncodingAESKey</b> as WeChat generates it: plaintext mode does not use it.</>,
    <>Set <b>Message encryption mode</b> (消息加解密方式) to <b>{WECHAT_MODES[String(config.mode ?? 'plain')] ?? String(config.mode)}</b>: it must match this inbox. Submit, then click <b>Enable</b> (启用).</>,
    <>Under <b>IP whitelist</b> (IP白名单) add the public IP address of this Switchboard server, or replies fail (WeChat error 40164).</>,
    TEST_STEP('send the Official Account a message'),
  ],
  botframework: () => [
    <>In the Azure portal open your <b>Azure Bot</b> resource, then <b>Settings › Configuration</b>.</>,
    <>Set <b>Messaging endpoint</b> to the <b>Webhook URL</b> above and click <b>Apply</b>.</>,
    <>The <b>Microsoft App ID</b>, the app password (client secret) and, for a single-tenant bot, the <b>App Tenant ID</b> shown there must be the ones entered in this inbox, or Switchboard rejects the calls and cannot reply.</>,
    <>To talk to people in Microsoft Teams, add the <b>Microsoft Teams</b> channel under <b>Settings › Channels</b>.</>,
    TEST_STEP('message the bot (for example with Test in Web Chat)'),
  ],
  telegram: () => [
    <>There is nothing to paste: click <b>Register webhook</b> below. Switchboard calls Telegram&apos;s <code>setWebhook</code> with the Webhook URL and a secret token that Telegram sends back with every update.</>,
    <>Telegram only delivers to <b>HTTPS</b> URLs on port <b>443, 80, 88 or 8443</b>: Switchboard&apos;s <code>PUBLIC_URL</code> must be such an address, reachable from the internet.</>,
    <>A bot has one webhook: registering replaces any URL set before and stops <code>getUpdates</code> polling elsewhere.</>,
    TEST_STEP('send the bot a message (for example /start)'),
  ],
};

const GENERIC: Steps = () => [
  <>Open the provider&apos;s webhook settings for this account.</>,
  <>Paste the <b>Webhook URL</b> (and any value shown above the provider asks for) and save. If the provider registers webhooks by API, click <b>Register webhook</b> instead.</>,
  TEST_STEP('send a test message'),
];

export function SetupSteps({ channel, config, setupKeys }: { channel: string; config: InboxConfig; setupKeys: string[] }) {
  const steps = (Object.hasOwn(STEPS, channel) ? STEPS[channel] : GENERIC)({ config, has: (key) => setupKeys.includes(key) });
  return (
    <ol className="flex list-decimal flex-col gap-1.5 pl-5 text-gray-700 marker:text-gray-400" data-testid="setup-steps" data-channel={channel}>
      {steps.map((step, i) => (
        <li key={i}>{step}</li>
      ))}
    </ol>
  );
}
