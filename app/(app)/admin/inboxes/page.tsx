import type { Metadata } from 'next';
import { InboxesAdmin } from '@/components/admin/InboxesAdmin';

export const metadata: Metadata = { title: 'Inboxes' };

export default function InboxesPage() {
  return <InboxesAdmin />;
}
