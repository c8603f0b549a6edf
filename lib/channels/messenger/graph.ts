import { z } from 'zod';
import { hmacSha256Hex } from '../shared/hmac';
import type { MessengerConfig } from './config';

type GraphAuth = Pick<MessengerConfig, 'apiBaseUrl' | 'apiVersion' | 'pageAccessToken' | 'appSecret'>;

/** appsecret_proof = hex HMAC-SHA256(app secret, access token); mandatory when the app requires it. */
export function appSecretProof(appSecret: string, accessToken: string): string {
  return hmacSha256Hex(appSecret, accessToken);
}

/** `${apiBaseUrl}/${apiVersion}/${path}?…&access_token=…&appsecret_proof=…` */
export function graphUrl(config: GraphAuth, path: string, params: Record<string, string> = {}): string {
  const url = new URL(`${config.apiBaseUrl}/${config.apiVersion}/${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  url.searchParams.set('access_token', config.pageAccessToken);
  url.searchParams.set('appsecret_proof', appSecretProof(config.appSecret, config.pageAccessToken));
  return url.toString();
}

const numeric = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

const graphErrorSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: numeric.optional(),
    error_subcode: numeric.optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
  }),
});

export type GraphError = z.infer<typeof graphErrorSchema>['error'];

/** The `error` object of a Graph response body, if it has one. */
export function readGraphError(json: unknown): GraphError | undefined {
  const parsed = graphErrorSchema.safeParse(json);
  return parsed.success ? parsed.data.error : undefined;
}
