/**
 * SEC-6: reads a request body as a stream and stops as soon as it passes `limit` bytes, whatever the
 * request claims: a declared Content-Length above the limit is refused before reading, and a chunked body
 * (no Content-Length) is cancelled at the first chunk that crosses it. Answers null when the body is too
 * large; nothing beyond the limit is ever held in memory.
 */
export async function readBodyWithLimit(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) {
    await discardBody(request);
    return null;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.byteLength;
  }
  return body;
}

/** Tells the sender that the body will not be read (a refused request must not be buffered). */
export async function discardBody(request: Request): Promise<void> {
  if (request.body && !request.bodyUsed) await request.body.cancel().catch(() => undefined);
}
