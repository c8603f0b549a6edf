/**
 * Files users send: each gets a file_id valid for one bot, and a file_path served at
 * /file/bot<token>/<file_path> (getFile → download, PROTOCOLS.md 5c). Photos are real PNGs.
 */
import { png } from '../messenger/media';
import { newFileId } from './ids';

export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export interface StoredFile {
  botId: number;
  fileId: string;
  fileUniqueId: string;
  filePath: string;
  size: number;
  mimeType?: string;
  /** null for files that only claim a size (e.g. over the 20 MB download cap). */
  bytes: Buffer | null;
}

const PREFIX: Record<string, string> = { photos: 'AgAC', documents: 'BQAC', voice: 'AwAC', videos: 'BAAC' };
const pngCache = new Map<string, Buffer>();

function checkerboard(width: number, height: number): Buffer {
  const key = `${width}x${height}`;
  if (!pngCache.has(key)) pngCache.set(key, png(width, height, (x, y) => (((x >> 4) + (y >> 4)) % 2 ? [42, 171, 238] : [255, 255, 255])));
  return pngCache.get(key)!;
}

export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private counter = 0;

  add(botId: number, folder: keyof typeof PREFIX, ext: string, bytes: Buffer | null, opts: { size?: number; mimeType?: string } = {}): StoredFile {
    const { fileId, fileUniqueId } = newFileId(PREFIX[folder]);
    const file: StoredFile = {
      botId, fileId, fileUniqueId, filePath: `${folder}/file_${++this.counter}.${ext}`,
      size: opts.size ?? bytes?.length ?? 0, bytes, ...(opts.mimeType ? { mimeType: opts.mimeType } : {}),
    };
    this.files.set(fileId, file);
    return file;
  }

  /** file_ids are per bot: another bot's id is unknown here, as on Telegram. */
  get(botId: number, fileId: string): StoredFile | undefined {
    const file = this.files.get(fileId);
    return file?.botId === botId ? file : undefined;
  }

  byPath(botId: number, filePath: string): StoredFile | undefined {
    for (const file of this.files.values()) if (file.botId === botId && file.filePath === filePath) return file;
    return undefined;
  }

  /** A photo as Telegram stores it: several sizes, ascending, each its own file. */
  photo(botId: number): Record<string, unknown>[] {
    return [[90, 67], [320, 240], [800, 600]].map(([w, h]) => {
      const file = this.add(botId, 'photos', 'png', checkerboard(w, h), { mimeType: 'image/png' });
      return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, width: w, height: h };
    });
  }

  clear(): void {
    this.files.clear();
  }
}

/** A tiny Ogg/Opus-looking voice note (only the container magic matters to a viewer). */
export function voiceBytes(seconds: number): Buffer {
  return Buffer.concat([Buffer.from('OggS', 'ascii'), Buffer.alloc(60 + seconds * 200)]);
}
