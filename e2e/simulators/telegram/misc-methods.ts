/** answerCallbackQuery and getFile. */
import { tgErrors } from './bot-errors';
import type { SimulatorContext } from './context';
import { MAX_DOWNLOAD_BYTES } from './files';
import { optionalString, type Params } from './params';
import type { Bot } from './types';
import type { MethodResult } from './webhook-methods';

/** Each button press can be answered once; unknown or answered ids get Telegram's "too old" error. */
export function answerCallbackQuery(ctx: SimulatorContext, bot: Bot, params: Params): MethodResult {
  const id = optionalString(params, 'callback_query_id');
  const press = ctx.state.callbacks.find((c) => c.botId === bot.id && c.id === id);
  if (!press || press.answer) throw tgErrors.badRequest('query is too old and response timeout expired or query ID is invalid');
  const text = optionalString(params, 'text');
  if (text !== undefined && text.length > 200) throw tgErrors.badRequest('MESSAGE_TOO_LONG');
  const url = optionalString(params, 'url');
  press.answer = {
    ...(text !== undefined ? { text } : {}),
    ...(params.show_alert === true || params.show_alert === 'true' ? { showAlert: true } : {}),
    ...(url !== undefined ? { url } : {}),
    at: Date.now(),
  };
  return { result: true };
}

/** Step one of a download: file_id → file_path. Bots cannot download files over 20 MB. */
export function getFile(ctx: SimulatorContext, bot: Bot, params: Params): MethodResult {
  const fileId = optionalString(params, 'file_id');
  if (!fileId) throw tgErrors.badRequest('file_id is empty');
  const file = ctx.files.get(bot.id, fileId);
  if (!file) throw tgErrors.badRequest('invalid file_id');
  if (file.size > MAX_DOWNLOAD_BYTES || !file.bytes) throw tgErrors.badRequest('file is too big');
  return { result: { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, file_path: file.filePath } };
}
