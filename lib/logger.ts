import pino from 'pino';

/** Errors log their type, code and stack, not the objects hanging off them (pg attaches whole clients). */
function errorSerializer(err: unknown) {
  const base = pino.stdSerializers.err(err as Error);
  return { type: base.type, message: base.message, code: (err as { code?: unknown }).code, stack: base.stack };
}

/** Structured logs on stdout; LOG_LEVEL picks the level. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { proc: process.env.SB_PROCESS ?? 'main' },
  serializers: { err: errorSerializer },
  redact: ['req.headers.authorization', 'req.headers.cookie', '*.pageAccessToken', '*.appSecret', '*.password'],
});
