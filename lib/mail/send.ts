import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";

export type OutgoingMail = {
  to: string | string[];
  subject: string;
  text: string;
  html: string;
};

const DEFAULT_FROM = '"Manager" <no-reply@manager.localhost>';

let transport: Transporter | null = null;

function getTransport(): Transporter {
  if (transport) return transport;
  const url = process.env.SMTP_URL;
  if (!url) {
    throw new Error("SMTP_URL is not set: cannot send e-mail (for local development use smtp://127.0.0.1:2525)");
  }
  transport = nodemailer.createTransport(url);
  return transport;
}

/** Sends one e-mail through the SMTP server in `SMTP_URL`; resolves once the server accepted it. */
export async function sendMail(mail: OutgoingMail): Promise<{ messageId: string }> {
  const info = await getTransport().sendMail({
    from: process.env.MAIL_FROM || DEFAULT_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
  });
  return { messageId: info.messageId };
}

/** Drops the cached transport so the next send reads `SMTP_URL` again (tests switch servers). */
export function resetMailTransport(): void {
  transport?.close();
  transport = null;
}
