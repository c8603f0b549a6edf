import type { ReactNode } from 'react';
import { Nav } from './Nav';
import { RealtimeStatus } from './RealtimeStatus';
import type { ShellUser } from './types';

/** Authenticated frame: left navigation, live-connection banner, and the page. */
export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  return (
    <div className="flex h-screen overflow-hidden bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <Nav user={user} />
      <div className="flex min-w-0 flex-1 flex-col">
        <RealtimeStatus />
        <main id="main" className="min-h-0 flex-1 overflow-hidden">
          {children}
        </main>
      </div>
    </div>
  );
}
