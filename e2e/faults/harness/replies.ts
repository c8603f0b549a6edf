/** Agent replies through the real REST API, and what the provider (the simulator) received of them. */
import { api } from '../../bench/api';
import type { MessengerSimulator } from '../../simulators/messenger/server';

export interface PostedReply {
  id: string;
  conversationId: string;
  psid: string;
  text: string;
}

/** POST /api/v1/conversations/:id/messages; the reply when the API answered 201, null otherwise (refused or unreachable). */
export async function postReply(origin: string, token: string, conversationId: string, psid: string, text: string): Promise<PostedReply | null> {
  try {
    const res = await api<{ id?: string }>(origin, 'POST', `/api/v1/conversations/${conversationId}/messages`, { token, body: { text } });
    return res.status === 201 && res.json?.id ? { id: res.json.id, conversationId, psid, text } : null;
  } catch {
    return null;
  }
}

/** How many Send API calls the simulator recorded per reply (Switchboard puts its message id in `metadata`). */
export function sendsPerReply(sim: MessengerSimulator, pageId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sent of sim.sent({ pageId })) if (sent.metadata) counts.set(sent.metadata, (counts.get(sent.metadata) ?? 0) + 1);
  return counts;
}
