/** One Server-Sent Event with its JSON data parsed. */
export interface ReceivedEvent {
  event: string;
  data: any;
}

function parseBlock(block: string): ReceivedEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  return data.length > 0 ? { event, data: JSON.parse(data.join('\n')) } : undefined;
}

/** Reads an event stream until `done(event)` holds, then hangs up; rejects after timeoutMs. */
export async function readEventsUntil(url: string, done: (event: ReceivedEvent) => boolean, timeoutMs = 20_000): Promise<ReceivedEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no closing event from ${url} within ${timeoutMs} ms`)), timeoutMs);
  const events: ReceivedEvent[] = [];
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
    if (!response.body) throw new Error(`${url} answered without a body`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = parseBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (!event) continue;
        events.push(event);
        if (done(event)) return events;
      }
    }
    throw new Error(`${url} ended the stream before the closing event`);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
