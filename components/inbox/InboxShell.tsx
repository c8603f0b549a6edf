'use client';
import { Suspense, useState, type ReactNode } from 'react';
import { useHotkeys } from '@/components/hooks/useHotkeys';
import { ConversationListSkeleton } from './ConversationListSkeleton';
import { ConversationPane } from './ConversationPane';
import { ShortcutsDialog } from './ShortcutsDialog';

/** Two panes: the conversation list stays mounted while the thread on the right changes. */
export function InboxShell({ children }: { children: ReactNode }) {
  const [helpOpen, setHelpOpen] = useState(false);
  useHotkeys({ '?': () => setHelpOpen(true) });

  return (
    <div className="flex h-full min-h-0">
      <aside aria-label="Conversation list" className="flex w-72 shrink-0 flex-col border-r border-gray-200 bg-white xl:w-[360px]">
        <Suspense fallback={<ConversationListSkeleton />}>
          <ConversationPane onShowShortcuts={() => setHelpOpen(true)} />
        </Suspense>
      </aside>
      <section className="flex min-w-0 flex-1 flex-col bg-gray-50">{children}</section>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
