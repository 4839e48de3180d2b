import { generateDpa } from "@/lib/dpa/generate-dpa";
import { orgParams, sessionRoute } from "@/lib/http/session-route";

/**
 * GDP-1: generates and downloads the personalised data-processing agreement (PDF). Legal representatives
 * and administrators only: other members get 403, outsiders 404; each generation is in the activity log.
 */
export const GET = sessionRoute({ signedOut: "redirect", params: orgParams }, async ({ db, actor, params }) => {
  const { pdf, fileName } = await generateDpa(db, actor, { orgId: params.org });
  return new Response(new Uint8Array(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${fileName}"` } });
});
