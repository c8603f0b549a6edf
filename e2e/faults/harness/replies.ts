/** Agent replies through the real REST API, and what the provider (the simulator) received of them. */
import { api } from '../../bench/api';
import type { MessengerSimulator } from '../../simulators/messenger/server';

export interface PostedReply {
  id: string;
  conversationId: string;
  psid: string;
  text: string;
}

export interface RefusedReply {
  /** Why the API did not accept it: `<status> <body>` or the network error. */
  refused: string;
}

export const accepted = (r: PostedReply | RefusedReply): r is PostedReply => 'id' in r;

/** POST /api/v1/conversations/:id/messages: the reply when the API answered 201, otherwise why not. */
export async function postReply(origin: string, token: string, conversationId: string, psid: string, text: string): Promise<PostedReply | RefusedReply> {
  try {
    const res = await api<{ id?: string }>(origin, 'POST', `/api/v1/conversations/${conversationId}/messages`, { token, body: { text } });
    if (res.status === 201 && res.json?.id) return { id: res.json.id, conversationId, psid, text };
    return { refused: `${res.status} ${JSON.stringify(res.json).slice(0, 300)}` };
  } catch (err) {
    return { refused: (err as Error).message };
  }
}

/** How many Send API calls the simulator recorded per reply (Switchboard puts its message id in `metadata`). */
export function sendsPerReply(sim: MessengerSimulator, pageId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sent of sim.sent({ pageId })) if (sent.metadata) counts.set(sent.metadata, (counts.get(sent.metadata) ?? 0) + 1);
  return counts;
}
