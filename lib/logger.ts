import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

/** Errors log their type, code and stack, not the objects hanging off them (pg attaches whole clients). */
function errorSerializer(err: unknown) {
  const base = pino.stdSerializers.err(err as Error);
  return { type: base.type, message: base.message, code: (err as { code?: unknown }).code, stack: base.stack };
}

type LogContext = Readonly<Record<string, string>>;
// On globalThis: Next bundles its own copy of this module, and a request's context set by the
// custom server must reach log lines written from inside Next's route handlers.
const KEY = Symbol.for('switchboard.logContext');
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<LogContext> | undefined>;
const logContext = (holder[KEY] ??= new AsyncLocalStorage<LogContext>());

/**
 * Runs `fn` with `fields` (requestId, eventId, messageId) added to every log line written inside
 * it, however deep, so one customer message can be followed from webhook to socket.
 */
export function withLogContext<T>(fields: Record<string, string>, fn: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...fields }, fn);
}

/** The fields every log line written here gets (pino's mixin). */
export function logContextFields(): Readonly<Record<string, string>> {
  return logContext.getStore() ?? {};
}

/** Structured logs on stdout; LOG_LEVEL picks the level. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { proc: process.env.SB_PROCESS ?? 'main' },
  mixin: logContextFields,
  serializers: { err: errorSerializer },
  redact: ['req.headers.authorization', 'req.headers.cookie', '*.pageAccessToken', '*.appSecret', '*.password'],
});
