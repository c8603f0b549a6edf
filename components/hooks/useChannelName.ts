'use client';
import { channelLabel } from '@/components/ui/channelMeta';
import { useChannels } from '@/lib/client/queries';

/** The channel's display name from the registry ("Facebook Messenger"), or a built-in name until that loads. */
export function useChannelName(key: string): string {
  const channels = useChannels();
  return channels.data?.find((c) => c.key === key)?.displayName ?? channelLabel(key);
}
