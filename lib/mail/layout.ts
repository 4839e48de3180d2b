/** A mail body as a list of plain-text blocks; the catalogues hold no markup, so both formats come from it. */
export type MailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "details"; lines: string[] }
  | { kind: "action"; label: string; url: string; fallback: string };

export type MailContent = {
  lang: string;
  subject: string;
  greeting: string;
  blocks: MailBlock[];
  signature: string;
  footer: string;
};

export function renderText(mail: MailContent): string {
  const body = mail.blocks.map((block) => {
    switch (block.kind) {
      case "paragraph":
        return block.text;
      case "details":
        return block.lines.map((line) => `  ${line}`).join("\n");
      case "action":
        // On its own line so mail clients turn it into a clickable link.
        return `${block.label}:\n${block.url}`;
    }
  });
  return [mail.greeting, ...body, mail.signature, "-- ", mail.footer].join("\n\n") + "\n";
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const P = "margin:0 0 16px;font-size:15px;line-height:1.5;color:#1f2328";

// Inline styles only: most mail clients drop <style> blocks and external CSS.
export function renderHtml(mail: MailContent): string {
  const body = mail.blocks.map((block) => {
    switch (block.kind) {
      case "paragraph":
        return `<p style="${P}">${escapeHtml(block.text)}</p>`;
      case "details":
        return `<p style="${P};padding:12px 16px;background:#f6f8fa;border-radius:6px">${block.lines
          .map(escapeHtml)
          .join("<br>")}</p>`;
      case "action": {
        const href = escapeHtml(block.url);
        return (
          `<p style="margin:24px 0"><a href="${href}" style="display:inline-block;padding:12px 20px;` +
          `background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">` +
          `${escapeHtml(block.label)}</a></p>` +
          `<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:#57606a">${escapeHtml(block.fallback)}` +
          `<br><a href="${href}" style="color:#1d4ed8;word-break:break-all">${href}</a></p>`
        );
      }
    }
  });
  return [
    `<!doctype html><html lang="${escapeHtml(mail.lang)}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(mail.subject)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#f4f5f7;${FONT}">`,
    `<div style="max-width:560px;margin:0 auto;padding:32px;background:#ffffff;border-radius:8px">`,
    `<p style="${P}">${escapeHtml(mail.greeting)}</p>`,
    ...body,
    `<p style="${P}">${escapeHtml(mail.signature)}</p>`,
    `</div>`,
    `<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#6e7781;text-align:center">${escapeHtml(mail.footer)}</p>`,
    `</body></html>`,
  ].join("\n");
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
