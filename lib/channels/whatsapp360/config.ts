import { z } from 'zod';
import { baseUrl, generatedToken, requiredText } from '../whatsapp/config-fields';

export const D360_BASE_URL = 'https://waba-v2.360dialog.io';
/** 360dialog's sandbox (messages only to your own number, predefined templates). */
export const D360_SANDBOX_URL = 'https://waba-sandbox.360dialog.io';

export const whatsapp360ConfigSchema = z.object({
  apiKey: requiredText('API key', '360dialog Hub → your number → API key; one key per phone number'),
  // Generated: Switchboard registers it with the webhook URL (registerWebhook), and 360dialog
  // sends it back as the Authorization header of every webhook. The admin never types it.
  webhookSecret: generatedToken('Webhook secret'),
  apiBaseUrl: baseUrl(D360_BASE_URL),
});

export type WhatsApp360Config = z.output<typeof whatsapp360ConfigSchema>;

/** The secret is ours to register, not something the admin pastes anywhere, so it stays hidden. */
export const whatsapp360SecretFields = ['apiKey', 'webhookSecret'] as const;
export const whatsapp360PublicSetupFields = [] as const;
