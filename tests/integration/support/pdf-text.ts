import { inflateSync } from "node:zlib";

/**
 * The text of a PDF written with the standard fonts (pdfkit): every string shown by a TJ / Tj operator in
 * every content stream (inflated when compressed), decoded from Windows-1252. Enough to check what an
 * invoice says without a PDF library in the tests.
 */
export function pdfText(pdf: Buffer | Uint8Array): string {
  const raw = Buffer.from(pdf).toString("latin1");
  const out: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (const m of raw.matchAll(streams)) {
    let body = m[1]!;
    const header = raw.slice(Math.max(0, m.index! - 300), m.index!);
    if (/\/FlateDecode/.test(header.slice(header.lastIndexOf("<<")))) {
      try {
        body = inflateSync(Buffer.from(body, "latin1")).toString("latin1");
      } catch {
        continue;
      }
    }
    for (const op of body.matchAll(/\[((?:<[0-9a-fA-F]*>|\([^)]*\)|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const parts = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((p) => p[1]!) : [op[2]!];
      out.push(Buffer.from(parts.join(""), "hex").toString("latin1"));
    }
  }
  return out.join("\n").replace(/\u00a0/g, " ");
}
