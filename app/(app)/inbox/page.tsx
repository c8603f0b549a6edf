import type { Metadata } from 'next';
import { NoConversationSelected } from '@/components/inbox/NoConversationSelected';

export const metadata: Metadata = { title: 'Inbox' };

export default function InboxPage() {
  return <NoConversationSelected />;
}
