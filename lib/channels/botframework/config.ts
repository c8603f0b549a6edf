import { z } from 'zod';
import { providerUrl } from '../shared/provider-url';

export const BOT_FRAMEWORK_OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
/** `botframework.com` as tenant = the legacy multi-tenant authority (PROTOCOLS.md 4e). */
export const MULTI_TENANT = 'botframework.com';

/** The AAD v2 token endpoint of a tenant (client credentials for outbound calls). */
export const tokenEndpointFor = (tenantId: string) =>
  `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;

/** Admin forms send "" for untouched optional fields: treat it as "not given" so defaults apply. */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const required = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `${what} is required` : `${what} must be text`),
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A tenant is named by its GUID or one of its domains (contoso.onmicrosoft.com, botframework.com).
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

const baseSchema = z.object({
  appId: z
    .string(required('Microsoft App ID'))
    .trim()
    .regex(GUID, { error: 'Microsoft App ID must be the GUID shown in the Azure Bot resource (Configuration → Microsoft App ID)' }),
  appPassword: z
    .string(required('App password'))
    .trim()
    .min(1, { error: 'App password is required: the Value of a client secret of the bot\'s app registration' }),
  tenantId: z
    .string(required('Tenant ID'))
    .trim()
    .refine((t) => GUID.test(t) || DOMAIN.test(t), {
      error: `Tenant ID must be the Directory (tenant) ID GUID of the bot's app registration, or ${MULTI_TENANT} for a legacy multi-tenant bot`,
    }),
  // Where the keys that sign the Connector's tokens are published; simulators point it elsewhere.
  openIdMetadataUrl: z.preprocess(
    blankToUndefined,
    providerUrl('OpenID metadata URL', BOT_FRAMEWORK_OPENID_METADATA_URL).default(BOT_FRAMEWORK_OPENID_METADATA_URL),
  ),
  // Derived from the tenant when left blank: only simulators and sovereign clouds change it.
  tokenEndpoint: z.preprocess(
    blankToUndefined,
    providerUrl('Token endpoint', 'https://login.microsoftonline.com/<tenant id>/oauth2/v2.0/token').optional(),
  ),
});

/**
 * Bot Framework (Azure Bot Service: Teams, Web Chat, Direct Line). Single-tenant by default: new
 * multi-tenant bots can no longer be created, and a single-tenant app asking the botframework.com
 * authority for a token fails with AADSTS700016.
 */
export const botframeworkConfigSchema = baseSchema.transform((config) => ({
  ...config,
  tokenEndpoint: config.tokenEndpoint ?? tokenEndpointFor(config.tenantId),
}));

export type BotFrameworkConfig = z.output<typeof botframeworkConfigSchema>;

export const botframeworkSecretFields = ['appPassword'] as const;
/** Nothing to paste into Azure but the webhook URL (the bot's messaging endpoint), which the app shows. */
export const botframeworkPublicSetupFields = [] as const;
