/**
 * POST /{tenant}/oauth2/v2.0/token: the fake AAD client-credentials grant (PROTOCOLS.md 4e). A
 * single-tenant bot only gets tokens from its own tenant; asking `botframework.com` fails with
 * AADSTS700016 exactly like the real thing.
 */
import { randomBytes } from 'node:crypto';
import { readBody, type Router, sendJson } from '../http';
import type { SimulatorContext } from './context';

const SCOPE = 'https://api.botframework.com/.default';

function aadError(status: number, error: string, code: number, description: string) {
  return {
    status,
    body: {
      error, error_codes: [code], timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
      trace_id: randomBytes(16).toString('hex'), correlation_id: randomBytes(16).toString('hex'),
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${randomBytes(8).toString('hex')}\r\nTimestamp: ${new Date().toISOString()}`,
    },
  };
}

export function issueToken(ctx: SimulatorContext, tenant: string, form: URLSearchParams): { status: number; body: Record<string, unknown> } {
  if (form.get('grant_type') !== 'client_credentials') {
    return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
  }
  if (form.get('scope') !== SCOPE) {
    return aadError(400, 'invalid_scope', 70011, `The provided value for scope ${form.get('scope') ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`);
  }
  const appId = form.get('client_id') ?? '';
  const bot = ctx.state.bots.get(appId);
  if (!bot || bot.tenantId.toLowerCase() !== tenant.toLowerCase()) {
    const directory = tenant.toLowerCase() === 'botframework.com' ? 'Bot Framework' : tenant;
    return aadError(400, 'unauthorized_client', 700016, `Application with identifier '${appId}' was not found in the directory '${directory}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`);
  }
  if (form.get('client_secret') !== bot.password) {
    return aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app \'' + appId + '\'.');
  }
  const lifetime = ctx.options.tokenLifetimeSeconds;
  const accessToken = `sim-aad.${randomBytes(32).toString('base64url')}`;
  ctx.state.tokens.set(accessToken, { appId, expiresAt: Date.now() + lifetime * 1000 });
  return { status: 200, body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken } };
}

export function registerAadRoutes(router: Router, ctx: SimulatorContext): void {
  router.add('POST', '/:tenant/oauth2/v2.0/token', async ({ req, res, params }) => {
    const raw = (await readBody(req, 100_000)).toString('utf8');
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded')) {
      const { status, body } = aadError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
      return sendJson(res, status, body);
    }
    const { status, body } = issueToken(ctx, params.tenant, new URLSearchParams(raw));
    sendJson(res, status, body);
  });
}
