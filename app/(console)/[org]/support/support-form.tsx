"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextareaField } from "@/components/ui/field";

type Failure = { message: string; fields?: Record<string, string> };
const ACCEPT = "image/jpeg,image/png,image/webp";

/**
 * SUP-4: a new support request (subject, product, description) or a reply, with screenshots. The form
 * is sent as multipart data to the section's route (screenshots are beyond a server action's body limit);
 * the answer's field errors are shown next to their fields.
 */
export function SupportForm({ orgId, requestId, products }: { orgId: string; requestId?: string; products?: { id: string; name: string }[] }) {
  const t = useTranslations("support.form");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const reply = requestId !== undefined;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    setFailure(null);
    try {
      const url = reply ? `/${encodeURIComponent(orgId)}/support/${encodeURIComponent(requestId)}/messages` : `/${encodeURIComponent(orgId)}/support/requests`;
      const res = await fetch(url, { method: "POST", body: new FormData(form) });
      const body = (await res.json().catch(() => null)) as ({ id?: string } & Partial<Failure>) | null;
      if (!res.ok || !body?.id) {
        setFailure({ message: body?.message ?? t("failed"), fields: body?.fields });
        return;
      }
      form.reset();
      if (reply) router.refresh();
      else router.push(`/${orgId}/support/${body.id}`);
    } catch {
      setFailure({ message: t("failed") });
    } finally {
      setPending(false);
    }
  }

  const err = (name: string) => failure?.fields?.[name];
  return (
    <form onSubmit={onSubmit} className="space-y-4" encType="multipart/form-data" data-testid={reply ? "support-reply-form" : "support-request-form"}>
      {!reply ? (
        <>
          <Field label={t("subject")} name="subject" required maxLength={200} error={err("subject")} className="max-w-xl" />
          <SelectField
            label={t("product")}
            name="productId"
            defaultValue=""
            error={err("productId")}
            help={t("productHelp")}
            options={[{ value: "", label: t("noProduct") }, ...(products ?? []).map((p) => ({ value: p.id, label: p.name }))]}
            className="max-w-xl"
          />
        </>
      ) : null}
      <TextareaField label={reply ? t("reply") : t("description")} name="body" required rows={reply ? 4 : 8} maxLength={10000} error={err("body")} help={reply ? undefined : t("descriptionHelp")} />
      <Field label={t("screenshots")} name="screenshots" type="file" accept={ACCEPT} multiple error={err("screenshots")} help={t("screenshotsHelp")} />
      {failure ? <Alert tone="error">{failure.message}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {reply ? t("sendReply") : t("submit")}
      </Button>
    </form>
  );
}
