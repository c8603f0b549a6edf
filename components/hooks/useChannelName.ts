'use client';
import { useChannels } from '@/lib/client/queries';

/** The channel's display name from the registry ("Messenger"), or its key until that loads. */
export function useChannelName(key: string): string {
  const channels = useChannels();
  return channels.data?.find((c) => c.key === key)?.displayName ?? key;
}
