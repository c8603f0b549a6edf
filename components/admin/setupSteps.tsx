import type { ReactNode } from 'react';

// How to paste the webhook into each provider's console. A channel without an entry gets the generic steps.
const STEPS: Record<string, ReactNode[]> = {
  messenger: [
    <>In the Meta App Dashboard open <b>Messenger › Webhooks</b> (Messenger API Settings).</>,
    <>Paste the <b>Webhook URL</b> above into <b>Callback URL</b> and the <b>Verify token</b> into <b>Verify token</b>, then click <b>Verify and save</b>.</>,
    <>Subscribe the Page to these webhook fields: <code>messages</code>, <code>message_echoes</code>, <code>message_deliveries</code>, <code>message_reads</code>, <code>messaging_postbacks</code>.</>,
    <>Come back here and click <b>Test connection</b>, then send the Page a message: it appears in the inbox.</>,
  ],
};

const GENERIC: ReactNode[] = [
  <>Open the provider&apos;s webhook settings for this account.</>,
  <>Paste the <b>Webhook URL</b> (and the <b>Verify token</b>, if the provider asks for one) and save.</>,
  <>Click <b>Test connection</b>, then send a test message: it appears in the inbox.</>,
];

export function SetupSteps({ channel }: { channel: string }) {
  const steps = STEPS[channel] ?? GENERIC;
  return (
    <ol className="flex list-decimal flex-col gap-1.5 pl-5 text-gray-700 marker:text-gray-400" data-testid="setup-steps">
      {steps.map((step, i) => (
        <li key={i}>{step}</li>
      ))}
    </ol>
  );
}
