import pino from 'pino';

/** Structured logs on stdout; LOG_LEVEL picks the level. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { proc: process.env.SB_PROCESS ?? 'main' },
  redact: ['req.headers.authorization', 'req.headers.cookie', '*.pageAccessToken', '*.appSecret', '*.password'],
});
