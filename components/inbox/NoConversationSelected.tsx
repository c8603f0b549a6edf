import { EmptyState } from '@/components/ui/EmptyState';
import { ChatIcon } from '@/components/ui/icons';

export function NoConversationSelected() {
  return (
    <EmptyState
      className="h-full"
      icon={<ChatIcon size={28} />}
      title="Select a conversation"
      description={
        <>
          Pick one from the list, or press <kbd className="rounded border border-gray-300 bg-white px-1 font-mono text-xs">j</kbd> and{' '}
          <kbd className="rounded border border-gray-300 bg-white px-1 font-mono text-xs">Enter</kbd>. Press{' '}
          <kbd className="rounded border border-gray-300 bg-white px-1 font-mono text-xs">?</kbd> for all shortcuts.
        </>
      }
    />
  );
}
