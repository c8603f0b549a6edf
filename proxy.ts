/**
 * Next's proxy (formerly middleware): gives every page a fresh nonce and its Content-Security-Policy.
 * Next renders each page with that nonce on its own scripts (it reads the request's CSP header), so
 * pages are rendered per request (see the root layout). The other security headers, the same for
 * every response, are in next.config.js.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from '@/lib/csp';

export function proxy(request: NextRequest) {
  // npm start always sets PUBLIC_URL; `next dev` on its own may not.
  const publicUrl = process.env.PUBLIC_URL || request.nextUrl.origin;
  const csp = contentSecurityPolicy({ nonce: newNonce(), publicUrl, host: request.headers.get('host'), dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  const hsts = strictTransportSecurity(publicUrl);
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API responses are JSON or files (the attachment route sets its own sandbox CSP),
      // static files carry no inline code, and prefetches are not documents.
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
