import { z } from 'zod';
import { baseUrl, blankToUndefined, generatedToken, numericId, requiredText } from './config-fields';

export const GRAPH_BASE_URL = 'https://graph.facebook.com';

export const whatsappConfigSchema = z.object({
  // The id of the number in Meta's API, not the phone number itself: webhooks route on it.
  phoneNumberId: numericId('Phone number ID', 'from WhatsApp Manager → API Setup (not the phone number itself)'),
  wabaId: numericId('WhatsApp Business Account ID', 'from WhatsApp Manager → API Setup'),
  accessToken: requiredText('Access token', 'a system-user token with whatsapp_business_messaging permission'),
  appSecret: requiredText('App secret', 'Meta app → Settings → Basic; it signs every webhook'),
  verifyToken: generatedToken('Verify token'),
  apiBaseUrl: baseUrl(GRAPH_BASE_URL),
  apiVersion: z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'Graph API version must be text like v23.0' })
      .regex(/^v\d+\.\d+$/, { error: 'Graph API version must look like v23.0' })
      .default('v23.0'),
  ),
});

export type WhatsAppConfig = z.output<typeof whatsappConfigSchema>;

export const whatsappSecretFields = ['accessToken', 'appSecret'] as const;
/** Pasted into Meta app → WhatsApp → Configuration together with the webhook URL. */
export const whatsappPublicSetupFields = ['verifyToken'] as const;
