/** GET /_sim/media/pixel.png: a real image the chat page can attach (no external assets). */
import { type Router, sendText } from '../http';

// A 1×1 PNG.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export function registerMediaRoutes(router: Router): void {
  router.add('GET', '/_sim/media/:name', ({ res }) => sendText(res, 200, PIXEL, 'image/png'));
}
