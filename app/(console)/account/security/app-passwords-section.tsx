import { getFormatter, getTranslations } from "next-intl/server";
import type { UserActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { listAppPasswords } from "@/lib/app-passwords/list-app-passwords";
import { AppPasswordsManager } from "./app-passwords-manager";
import { Section } from "@/components/ui/section";

/** APP-1 … APP-3: the "Application passwords" section of the security page. */
export async function AppPasswordsSection({ actor }: { actor: UserActor }) {
  const [passwords, t, format] = await Promise.all([listAppPasswords(getDb(), actor), getTranslations("appPasswords"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Section id="app-passwords-heading" title={t("heading")}>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <AppPasswordsManager
        passwords={passwords.map((p) => ({ id: p.id, name: p.name, hint: p.displayHint, created: when(p.createdAt), lastUsed: p.lastUsedAt ? when(p.lastUsedAt) : null }))}
      />
    </Section>
  );
}
