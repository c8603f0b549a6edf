import type { ReactNode } from 'react';
import { InboxShell } from '@/components/inbox/InboxShell';

// A layout (not part of each page) so the conversation list stays mounted, scrolled and live
// while the thread on the right changes.
export default function InboxLayout({ children }: { children: ReactNode }) {
  return <InboxShell>{children}</InboxShell>;
}
