/**
 * DATA_DIR holds secrets.json and the embedded database: never group- or world-writable. Mode
 * 0700 (owner only). As root, the embedded PostgreSQL runs as the `postgres` user and must reach
 * DATA_DIR/pg, so DATA_DIR gets 0711 (others may traverse to a path they know, not list, read or
 * write) and DATA_DIR/pg is owned by `postgres` with 0700. Older versions made DATA_DIR 0777;
 * this fixes such folders at start.
 */
import { chmod, mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';

export const runningAsRoot = () => userInfo().uid === 0;

export async function securePrivateDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, runningAsRoot() ? 0o711 : 0o700);
}
