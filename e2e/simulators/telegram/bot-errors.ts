/**
 * Bot API errors in Telegram's exact shape: {"ok":false,"error_code":N,"description":"..","parameters":{..}}.
 * error_code doubles as the HTTP status.
 */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }

  body(): Record<string, unknown> {
    return { ok: false, error_code: this.errorCode, description: this.description, ...(this.parameters ? { parameters: this.parameters } : {}) };
  }
}

export const tgErrors = {
  unauthorized: () => new BotApiError(401, 'Unauthorized'),
  notFound: () => new BotApiError(404, 'Not Found'),
  badRequest: (what: string) => new BotApiError(400, `Bad Request: ${what}`),
  forbidden: (what: string) => new BotApiError(403, `Forbidden: ${what}`),
  tooManyRequests: (retryAfter: number) => new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter }),
  conflict: (what: string) => new BotApiError(409, `Conflict: ${what}`),
  migrated: (newChatId: number) =>
    new BotApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: newChatId }),
  webhookActive: () =>
    new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"),
};

/** What failNext answers when only an error code is given. */
export const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request: chat not found',
  401: 'Unauthorized',
  403: 'Forbidden: bot was blocked by the user',
  404: 'Not Found',
  409: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
  429: 'Too Many Requests: retry after 5',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};
