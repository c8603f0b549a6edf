import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Switchboard', template: '%s · Switchboard' },
  description: 'One support inbox for every messaging channel',
};

// Every page is rendered per request: Next puts the request's CSP nonce (proxy.ts) on its scripts,
// which a page prerendered at build time could not carry.
export const dynamic = 'force-dynamic';

export const viewport: Viewport = { themeColor: '#4f46e5' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className="h-full">
      <body className="h-full bg-gray-50 font-sans text-sm text-gray-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
