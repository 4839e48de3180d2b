import { z } from "zod";
import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listTagOptions } from "@/lib/tags/list-tags";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/**
 * TAG-2/TAG-4: the tag pickers of the products pages ask here for the tags whose name contains `q`, so a
 * page carries only the first few of a large Organization. Another Organization (or no right to read
 * tags) is the same 404 as an unknown one; nothing is cached.
 */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const q = new URL(request.url).searchParams.get("q") ?? undefined;
  try {
    const actor = await getActor();
    if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401, headers: PRIVATE });
    const { tags, complete } = await listTagOptions(getDb(), actor, { orgId, q });
    return Response.json({ tags, complete }, { headers: PRIVATE });
  } catch (err) {
    if (err instanceof z.ZodError || (err instanceof AppError && err.code === "INVALID_INPUT")) {
      return Response.json({ error: "invalid_input" }, { status: 400, headers: PRIVATE });
    }
    if (err instanceof AppError) return Response.json({ error: "not_found" }, { status: 404, headers: PRIVATE });
    throw err;
  }
}
