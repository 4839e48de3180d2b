import type { Db } from "@/lib/db";
import { now } from "@/lib/clock";
import type { Locale } from "@/lib/generated/prisma/enums";
import { sendMail } from "@/lib/mail/send";
import { redactMail, renderMail, type TemplateName, type TemplateParams } from "@/lib/mail/templates";

/**
 * Renders a translated e-mail, records it in the outbox (links' secrets redacted) and sends it over SMTP (NTF-1).
 * A failed delivery stays in the outbox as FAILED with its error, instead of failing the user's action.
 */
export async function sendEmail<T extends TemplateName>(
  db: Db,
  input: { to: string; template: T; params: TemplateParams<T>; locale: Locale },
): Promise<{ outboxId: string; sent: boolean }> {
  const mail = renderMail(input.template, input.params, input.locale);
  // The outbox keeps a copy without the links' secrets; only the mail itself carries them.
  const stored = redactMail(input.template, input.params, mail);
  const row = await db.emailOutbox.create({
    data: { toAddress: input.to, template: input.template, locale: input.locale, subject: stored.subject, textBody: stored.text, htmlBody: stored.html },
  });
  try {
    await sendMail({ to: input.to, ...mail });
    await db.emailOutbox.update({ where: { id: row.id }, data: { status: "SENT", sentAt: now(), attempts: 1 } });
    return { outboxId: row.id, sent: true };
  } catch (err) {
    console.error("e-mail delivery failed", err);
    await db.emailOutbox.update({
      where: { id: row.id },
      data: { status: "FAILED", attempts: 1, lastError: String((err as Error).message ?? err).slice(0, 500) },
    });
    return { outboxId: row.id, sent: false };
  }
}
