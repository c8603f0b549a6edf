/** The Connector's error bodies (`ErrorResponse`), as bots see them. */
import { HttpError } from '../http';

export const connectorError = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  new HttpError(status, { error: { code, message } }, headers);

export const connectorErrors = {
  // ASP.NET's own 401 body, not an ErrorResponse: the Connector answers it before any bot code.
  unauthorized: () => new HttpError(401, { message: 'Authorization has been denied for this request.' }),
  notFound: () => connectorError(404, 'ConversationNotFound', 'Conversation not found.'),
  notInRoster: () => connectorError(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.'),
  tooBig: () => connectorError(413, 'MessageSizeTooBig', 'Message size too big.'),
  badSyntax: (message: string) => connectorError(400, 'BadSyntax', message),
  badArgument: (message: string) => connectorError(400, 'BadArgument', message),
  gatewayTimeout: () => connectorError(504, 'GatewayTimeout', 'The operation timed out.'),
};

/** Default codes for fail-next statuses, as the Connector reports them. */
export const DEFAULT_FAILURE_CODES: Record<number, [string, string]> = {
  400: ['BadArgument', 'Invalid activity.'],
  401: ['Unauthorized', 'Authorization has been denied for this request.'],
  403: ['Forbidden', 'The bot is not part of the conversation roster.'],
  404: ['ConversationNotFound', 'Conversation not found.'],
  412: ['PreconditionFailed', 'The conversation was modified concurrently.'],
  413: ['MessageSizeTooBig', 'Message size too big.'],
  429: ['Throttled', 'Too many requests.'],
  500: ['InternalServerError', 'An error has occurred.'],
  502: ['BadGateway', 'Bad gateway.'],
  503: ['ServiceUnavailable', 'Service unavailable.'],
  504: ['GatewayTimeout', 'The operation timed out.'],
};
