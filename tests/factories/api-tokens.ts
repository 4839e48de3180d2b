// Runtime imports are relative so vitest needs no alias configuration to load the factories.
import { TOKEN_SCOPES } from "../../lib/api-tokens/scopes";
import { displayPrefix, generateToken } from "../../lib/api-tokens/token-format";
import { hashSecret } from "../../lib/security/tokens";
import type { DbOrTx } from "./unique";

/**
 * An API token stored as createApiToken stores it (hash and display prefix), restricted to `orgIds`
 * (none: every Organization of its owner); answers the token itself. Every scope unless told.
 */
export async function createRawApiToken(db: DbOrTx, { userId, orgIds = [], scopes = [...TOKEN_SCOPES], name = "test" }: { userId: string; orgIds?: string[]; scopes?: string[]; name?: string }): Promise<string> {
  const token = generateToken();
  await db.apiToken.create({ data: { userId, name, tokenHash: hashSecret(token), displayPrefix: displayPrefix(token), scopes, organizations: { create: orgIds.map((orgId) => ({ orgId })) } } });
  return token;
}
