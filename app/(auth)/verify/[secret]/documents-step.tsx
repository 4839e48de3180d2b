"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type DocumentType = "ID_CARD" | "PASSPORT";
type Result = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string> };

const PHOTOS: Record<DocumentType, ("front" | "back" | "selfie")[]> = {
  ID_CARD: ["front", "back", "selfie"],
  PASSPORT: ["front", "selfie"],
};
const ACCEPT = "image/jpeg,image/png,image/webp";

/** IDV-2, steps 2 and 3: the kind of document, then its photos and a selfie holding it. */
export function DocumentsStep({ secret }: { secret: string }) {
  const t = useTranslations("verification");
  const router = useRouter();
  const [type, setType] = useState<DocumentType | null>(null);
  const [chosen, setChosen] = useState(false);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  if (!chosen || !type) {
    return (
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (type) setChosen(true);
        }}
      >
        <fieldset className="space-y-2">
          <legend className="font-semibold">{t("documentTitle")}</legend>
          {(["ID_CARD", "PASSPORT"] as const).map((d) => (
            <label key={d} className="flex items-center gap-2 rounded-md border border-slate-200 p-3 text-sm">
              <input type="radio" name="documentType" value={d} checked={type === d} onChange={() => setType(d)} />
              {t(d === "ID_CARD" ? "idCard" : "passport")}
            </label>
          ))}
        </fieldset>
        <Button type="submit" className="w-full" disabled={!type}>
          {t("continue")}
        </Button>
      </form>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      const res = await fetch(`/verify/${encodeURIComponent(secret)}/documents`, { method: "POST", body: new FormData(event.currentTarget) });
      const body = (await res.json().catch(() => null)) as Result | null;
      setResult(body ?? { ok: false, message: t("errors.uploadFailed") });
      if (body?.ok) router.refresh();
    } catch {
      setResult({ ok: false, message: t("errors.uploadFailed") });
    } finally {
      setPending(false);
    }
  }

  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} className="space-y-3" encType="multipart/form-data" noValidate>
      <input type="hidden" name="documentType" value={type} />
      <h2 className="font-semibold">{t("photosTitle", { document: t(type === "ID_CARD" ? "idCard" : "passport") })}</h2>
      <p className="text-sm text-slate-600">{t("photosHelp")}</p>
      {result && !result.ok && Object.keys(fieldErrors).length === 0 ? <Alert tone="error">{result.message}</Alert> : null}
      {result?.ok ? <Alert tone="success">{t("uploaded")}</Alert> : null}
      {PHOTOS[type].map((field) => (
        <Field
          key={field}
          label={t(type === "PASSPORT" && field === "front" ? "photoPassport" : field === "front" ? "photoFront" : field === "back" ? "photoBack" : "photoSelfie")}
          name={field}
          type="file"
          accept={ACCEPT}
          required
          help={t("fileHelp")}
          error={fieldErrors[field]}
        />
      ))}
      <Button type="submit" className="w-full" disabled={pending || result?.ok === true}>
        {pending ? t("uploading") : t("submit")}
      </Button>
      <button type="button" className="text-sm text-brand-700 underline" onClick={() => setChosen(false)}>
        {t("changeDocument")}
      </button>
    </form>
  );
}
