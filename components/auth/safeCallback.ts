/** Where to go after sign-in: only a same-origin path, never back to /login, defaulting to the inbox. */
export function safeCallbackPath(raw: string | null, origin: string): string {
  if (!raw) return '/inbox';
  try {
    const url = new URL(raw, origin);
    if (url.origin !== origin || url.pathname.startsWith('/login') || url.pathname.startsWith('/setup')) return '/inbox';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/inbox';
  }
}
