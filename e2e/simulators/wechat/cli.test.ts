import { afterEach, describe, expect, it } from 'vitest';
import { CLI_ACCOUNT, startWeChatForCli } from './cli';
import { startReceiver } from './test-support';

/** The shape e2e/simulators/main.ts expects of every simulator (copied: main.ts does not export it). */
interface RunningSimulator {
  name: string;
  instructions(): string[];
  manualSteps(): string[];
  connect(hooks: { createInbox(channel: string, name: string, config: Record<string, string>): Promise<{ id: string; webhookUrl: string; verifyToken: string }> }): Promise<string[]>;
  close(): Promise<void>;
}

describe('startWeChatForCli', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('creates a wechat inbox through the hook and registers + verifies its server URL', async () => {
    const receiver = await startReceiver({ token: CLI_ACCOUNT.token });
    closers.push(receiver.close);
    const running: RunningSimulator = await startWeChatForCli(0, '127.0.0.1');
    closers.push(running.close);
    expect(running.name).toBe('WeChat Official Account');
    expect(running.instructions().join('\n')).toContain(CLI_ACCOUNT.appId);
    expect(running.manualSteps().length).toBeGreaterThan(0);

    const calls: unknown[][] = [];
    const lines = await running.connect({
      createInbox: async (...args) => {
        calls.push(args);
        return { id: 'inbox_9', webhookUrl: receiver.url, verifyToken: '' };
      },
    });
    expect(calls).toEqual([['wechat', 'WeChat (simulator)', expect.objectContaining({
      appId: CLI_ACCOUNT.appId, token: CLI_ACCOUNT.token, encodingAesKey: CLI_ACCOUNT.encodingAesKey, mode: 'safe', apiBaseUrl: expect.stringMatching(/^http:\/\/localhost:\d+$/),
    })]]);
    expect(lines).toEqual([`Created Switchboard inbox inbox_9; server URL ${receiver.url}`, 'Server URL verified (signature + echostr check passed).']);
  });
});
