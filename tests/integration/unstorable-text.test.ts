import { beforeAll, describe, expect, test, vi } from "vitest";
import * as accountTags from "@/app/api/[version]/accounts/[account_id]/tags/route";
import { createTeamAction } from "@/app/(console)/[org]/teams/actions";
import { forgetAccount } from "@/lib/actions/remembered-accounts";
import { getDb } from "@/lib/db";
import type { ActionState } from "@/lib/http/action";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { createOrganization, createUser } from "../factories";
import { call, errorFields, tokenFor } from "./support/api";
import { signIn } from "./support/browser-session";
import { run } from "./support/server-actions";

/**
 * SEC-5: a NUL character or a lone surrogate in a text field is refused at the boundary — by a REST
 * endpoint and by a server action alike — as invalid input naming the field, translated, and nothing is
 * written (not a generic refusal from the database, not text silently changed to U+FFFD).
 */
vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => {
  const { nextHeaders } = await import("./support/browser-session");
  return { ...nextHeaders, cookies: async () => ({ ...(await nextHeaders.cookies()), set: () => undefined }) };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/fr.json")).default;
  return { getTranslations: async () => createTranslator({ locale: "fr", messages }), getLocale: async () => "fr" };
});

const UNSTORABLE = ["Red\u0000team", "Red \uD800", "\uDFFF"];
/** A form cannot carry a lone surrogate: FormData (and the server's reading of multipart text) already made it U+FFFD. */
const UNSTORABLE_IN_FORMS = ["Red\u0000team", "\u0000"];

let ownerId: string;
let orgId: string;
let token: string;
beforeAll(async () => {
  const db = getDb();
  ownerId = (await createUser(db, { locale: "fr" })).id;
  orgId = (await createOrganization(db, { legalRepresentativeId: ownerId })).id;
  token = await tokenFor(db, ownerId, orgId, ["tags:write"]);
});

describe("unstorable text at the boundary (SEC-5)", () => {
  test.each(UNSTORABLE.map((s) => [JSON.stringify(s), s]))("[SEC-5] REST: a tag named %s is a 400 naming the field, and no tag is made", async (_, name) => {
    const res = await call(accountTags.POST, `/api/1/accounts/${orgId}/tags`, { token, method: "POST", body: { name, color: "red" }, params: { account_id: orgId } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; errors: { code: string; description: string; context: Record<string, string> }[] } };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.errors).toEqual([{ code: "unstorable_text", description: en.validation.unstorableText, context: { field: "name" } }]);
    expect(errorFields(body.error)).toEqual({ name: [en.validation.unstorableText] });
    expect(await getDb().tag.count({ where: { orgId } })).toBe(0);
  });

  test.each(UNSTORABLE_IN_FORMS.map((s) => [JSON.stringify(s), s]))("[SEC-5] server action: a team named %s is refused with the field's translated message, and no team is made", async (_, name) => {
    await signIn(ownerId);
    const state = (await run(createTeamAction, { orgId, name })) as Exclude<ActionState, null | "redirected" | { ok: true }>;
    expect(state).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { name: fr.validation.unstorableText } });
    expect(await getDb().team.count({ where: { orgId } })).toBe(0);
  });

  test("[SEC-5] server action called with arguments: a lone surrogate is refused naming the argument", async () => {
    expect(await forgetAccount("owner\uD800@example.com")).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { "0": fr.validation.unstorableText } });
    expect(await forgetAccount("owner@example.com")).toEqual({ ok: true });
  });

  test("[SEC-5] the same names without the broken character are stored as sent", async () => {
    await signIn(ownerId);
    expect(await run(createTeamAction, { orgId, name: "Red team 🙂" })).toBe("redirected");
    expect((await getDb().team.findMany({ where: { orgId }, select: { name: true } })).map((t) => t.name)).toEqual(["Red team 🙂"]);
    const res = await call(accountTags.POST, `/api/1/accounts/${orgId}/tags`, { token, method: "POST", body: { name: "Red 🙂", color: "red" }, params: { account_id: orgId } });
    expect(res.status).toBe(201);
  });
});
