import { z } from "zod";
import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { listProductOptions } from "@/lib/products/list-product-options";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/**
 * ORG-2/ORG-5/ORG-6: the product pickers ask here for the next page of products (`cursor`), those whose
 * name contains `q`, in one `category`, or those a `member` already holds — so no page carries the whole
 * list. Another Organization (or member) is the same 404 as an unknown one; nothing is cached.
 */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const query = new URL(request.url).searchParams;
  const param = (name: string) => query.get(name) ?? undefined;
  try {
    const actor = await getActor();
    if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401, headers: PRIVATE });
    // SEC-5: text that cannot be stored (a NUL, a lone surrogate) is invalid input, like any route's query.
    parseInput(z.unknown(), Object.fromEntries(query.entries()));
    const page = await listProductOptions(getDb(), actor, {
      orgId,
      q: param("q"),
      category: param("category"),
      cursor: param("cursor"),
      member: param("member"),
      held: param("held") as "direct" | "teams" | undefined,
    });
    return Response.json(page, { headers: PRIVATE });
  } catch (err) {
    if (err instanceof z.ZodError || (err instanceof AppError && err.code === "INVALID_INPUT")) {
      return Response.json({ error: "invalid_input" }, { status: 400, headers: PRIVATE });
    }
    // FORBIDDEN too: a member who may not read products learns nothing more than an outsider.
    if (err instanceof AppError) return Response.json({ error: "not_found" }, { status: 404, headers: PRIVATE });
    throw err;
  }
}
