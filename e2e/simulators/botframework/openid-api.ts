/** GET /v1/.well-known/openidconfiguration and its jwks_uri, like login.botframework.com. */
import { type Router, sendJson } from '../http';
import type { SimulatorContext } from './context';
import { CONNECTOR_ISSUER } from './tokens';

export function registerOpenIdRoutes(router: Router, ctx: SimulatorContext): void {
  router.add('GET', '/v1/.well-known/openidconfiguration', ({ res }) =>
    sendJson(res, 200, {
      issuer: CONNECTOR_ISSUER,
      authorization_endpoint: 'https://invalid.botframework.com',
      jwks_uri: `${ctx.baseUrl()}/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    }));
  router.add('GET', '/v1/.well-known/keys', ({ res }) => sendJson(res, 200, ctx.keys.jwks()));
}
