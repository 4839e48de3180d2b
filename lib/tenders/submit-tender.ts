import { z } from "zod";
import type { Actor, AnonymousActor, UserActor } from "@/lib/access/actor";
import { emailField, localeField, nameField } from "@/lib/accounts/schemas";
import { audit } from "@/lib/audit/record";
import { DAY, now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { sendEmail } from "@/lib/notifications/send-email";
import { consumeOrThrow } from "@/lib/security/rate-limit";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { dateInDays, endOfDay, VALIDITY_DAYS } from "./rules";

const optionalText = (max: number) => z.string().trim().max(max, "validation.tooLong").optional().default("");

export const submitTenderSchema = z
  .object({
    title: z.string().trim().min(5, "tenders.errors.titleTooShort").max(120, "validation.tooLong"),
    description: z.string().trim().min(20, "tenders.errors.descriptionTooShort").max(5000, "validation.tooLong"),
    budget: optionalText(120),
    contactName: nameField,
    contactEmail: emailField,
    contactPhone: optionalText(40).pipe(z.string().regex(/^$|^\+?[0-9 ().\/-]{6,40}$/, "tenders.errors.phone")),
    validUntil: z.string().trim().optional().default(""),
    locale: localeField.default("en"),
    // A field people never see (hidden from screen readers too): a form that fills it is a robot's.
    website: z.string().optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (!v.validUntil) return;
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(v.validUntil) && !Number.isNaN(endOfDay(v.validUntil).getTime());
    const days = ok ? Math.round((Date.parse(`${v.validUntil}T00:00:00Z`) - Date.parse(`${dateInDays(0)}T00:00:00Z`)) / DAY) : NaN;
    if (!ok || days < VALIDITY_DAYS.min || days > VALIDITY_DAYS.max) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "tenders.errors.validity" });
    }
  });

export type SubmitTenderInput = z.input<typeof submitTenderSchema>;

/**
 * TND-1: anyone — a visitor or a signed-in customer — submits a call for tenders. Limited per client
 * address before any work (each call mails the address typed and, later, every opted-in partner). The
 * submitter is mailed a link to the call and its proposals and a single-use cancel link (TND-4); only
 * the secrets' SHA-256 are stored. The partners' extracts go out from the `tender-extracts` job (TND-2).
 */
export async function submitTender(db: Db, actor: UserActor | AnonymousActor, raw: SubmitTenderInput): Promise<{ email: string }> {
  const input = submitTenderSchema.parse(raw);
  await consumeOrThrow("tenderSubmitPerIp", actor.ip ?? "unknown");
  // A robot gets the same answer and nothing is stored or mailed.
  if (input.website) return { email: input.contactEmail };

  const viewSecret = randomSecret();
  const cancelSecret = randomSecret();
  const validUntil = endOfDay(input.validUntil || dateInDays(VALIDITY_DAYS.default));
  const tender = await db.$transaction(async (tx) => {
    const created = await tx.tender.create({
      data: {
        title: input.title,
        description: input.description,
        budget: input.budget || null,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone || null,
        submitterId: actor.kind === "user" ? actor.userId : null,
        locale: input.locale,
        viewTokenHash: hashSecret(viewSecret),
        cancelTokenHash: hashSecret(cancelSecret),
        validUntil,
        createdAt: now(),
      },
    });
    await audit(tx, actor as Actor, { action: "tender.submitted", targetId: created.id });
    return created;
  });
  await sendEmail(db, {
    to: tender.contactEmail,
    template: "tenderSubmitted",
    params: {
      title: tender.title,
      validUntil: tender.validUntil,
      viewLink: `${config.appUrl}/tenders/view/${viewSecret}`,
      cancelLink: `${config.appUrl}/tenders/cancel/${cancelSecret}`,
    },
    locale: tender.locale,
  });
  return { email: tender.contactEmail };
}
