import { readdirSync } from "node:fs";
import path from "node:path";
import type { Action, StaffAction } from "@/lib/access/permissions";

/**
 * What a request can answer, as the matrix compares it: a page or file (`ok`), the 404 page (`notFound`),
 * a redirect to sign-in (`signIn`) or elsewhere (`redirect:<path>`, `redirect` for anywhere else),
 * `unauthenticated` (401), `forbidden` (403), `invalid` (400/422), `error:<status>` for anything else.
 */
export type Outcome = "ok" | "notFound" | "signIn" | "redirect" | `redirect:${string}` | "unauthenticated" | "forbidden" | "invalid" | `error:${number}`;

/**
 * Who may open a route:
 * - `public`: everyone; `guest`: visitors (a signed-in person is sent home);
 * - `secondStep`: only a session waiting for its second sign-in step (visitors go to sign-in, others home);
 * - `signedIn`: any signed-in person; `noOrganization`: a signed-in person without any membership (others
 *   are sent home); `partner`: a member of a partner Organization (the reseller area);
 * - `org:<action>`: whoever holds the action in the Organization (role table, partner table);
 * - `member:<action>`: the Organization's members whose role holds the action (partners acting there do not);
 * - `partnerOrg:<action>`: members of the partner in the `partnerId` segment whose role there holds the
 *   action (its reseller-area pages); members of other partners get the 404 like everyone else;
 * - `staff:<action>`: staff whose role holds the action (staff table);
 * - `link`: a secret link; a random secret must answer a clear page or a 404, never an error.
 */
export type Requirement =
  | "public"
  | "guest"
  | "secondStep"
  | "signedIn"
  | "noOrganization"
  | "partner"
  | `org:${Action}`
  | `member:${Action}`
  | `partnerOrg:${Action}`
  | `staff:${StaffAction}`
  | "link";

export type RouteDeclaration = {
  requires: Requirement;
  /** The HTTP method the matrix sends (route handlers that only answer POST). */
  method?: "GET" | "POST";
  /** What an allowed actor gets, when not the page itself (a page that redirects). */
  allowed?: Outcome;
  /** What a visitor without a session gets, when not a redirect to sign-in. */
  anonymous?: Outcome;
  /**
   * What a person who acts in the Organization without the right gets, when not the 404 page (a download
   * answers 403); anyone outside the Organization always gets the 404.
   */
  denied?: Outcome[];
  /** For `link`: every answer a random secret may get. */
  answers?: Outcome[];
};

/** Every page and console route handler of `app/`, with what it requires. A new route needs a line here. */
export const ROUTES: Record<string, RouteDeclaration> = {
  "/": { requires: "signedIn", allowed: "redirect" },
  "/sign-in": { requires: "guest" },
  "/sign-in/two-factor": { requires: "secondStep" },
  "/sign-in/two-factor/help": { requires: "secondStep" },
  "/sign-in/help": { requires: "public" },
  "/sign-up": { requires: "guest" },
  "/forgot-password": { requires: "public" },
  "/api-docs": { requires: "public" },
  "/mailbox": { requires: "public" },
  "/device": { requires: "public" },
  "/.well-known/security.txt": { requires: "public" },
  "/device/pair/[secret]": { requires: "link" },
  "/invitations/[token]": { requires: "link" },
  "/partner-invitations/[token]": { requires: "link" },
  "/reset-password/[token]": { requires: "link" },
  "/confirm-email/[token]": { requires: "link" },
  "/verify/[secret]": { requires: "link" },
  "/verify/[secret]/documents": { requires: "link", method: "POST", answers: ["notFound", "invalid"] },
  "/account/security": { requires: "signedIn" },
  "/account/support-access": { requires: "signedIn" },
  "/account/api-tokens": { requires: "signedIn" },
  "/account/calendar": { requires: "signedIn" },
  // The renewal calendar feed: its secret is the credential (a random one is a 404).
  "/feeds/renewals/[secret]": { requires: "link" },
  "/account/privacy": { requires: "signedIn" },
  "/account/privacy/export": { requires: "signedIn" },
  "/no-organization": { requires: "noOrganization" },
  "/reseller": { requires: "partner" },
  // TND-2, TND-3: every partner of the matrix is approved and accepts calls for tenders.
  "/reseller/tenders": { requires: "partner" },
  "/reseller/tenders/[tenderId]": { requires: "partner" },
  // TND-1, TND-3, TND-4: the submission form is anyone's; the submitter's links are secrets.
  "/tenders/new": { requires: "public" },
  "/tenders/view/[secret]": { requires: "link" },
  "/tenders/cancel/[secret]": { requires: "link" },
  "/reseller/[partnerId]/profile": { requires: "partnerOrg:org.read" },
  "/reseller/[partnerId]/managers": { requires: "partnerOrg:org.read" },
  // PRT-5: the whole cashback ledger, for the partner's members who may read its billing.
  "/reseller/[partnerId]/cashback": { requires: "partnerOrg:billing.read" },
  // Without the history and the period the query is refused (400) once the caller is the partner's.
  "/reseller/[partnerId]/download": { requires: "partnerOrg:clients.read", allowed: "invalid" },
  "/partners-directory": { requires: "public" },
  "/backoffice/partner-applications": { requires: "staff:partners.review" },
  "/backoffice/partner-applications/[applicationId]": { requires: "staff:partners.review" },
  "/backoffice": { requires: "staff:backoffice.enter" },
  "/backoffice/verifications": { requires: "staff:verifications.read" },
  "/backoffice/transfers": { requires: "staff:transfers.record" },
  "/backoffice/verifications/[caseId]": { requires: "staff:verifications.read" },
  // The photo route answers a visitor the same 404 as anyone else who may not see it.
  "/backoffice/verifications/[caseId]/documents/[documentId]": { requires: "staff:verifications.read", anonymous: "notFound" },
  // SUP-4: the queue and an untaken request (any agent may open it to take it); its content views open
  // only for the agent handling it, so for the matrix's untaken request they are the 404 page for everyone
  // (the handler's views are proven in tests/e2e/support and the integration tests).
  "/backoffice/support": { requires: "staff:requests.read" },
  "/backoffice/support/[requestId]": { requires: "staff:requests.read" },
  "/backoffice/support/[requestId]/attachments/[attachmentId]": { requires: "staff:requests.read", anonymous: "notFound" },
  "/backoffice/support/[requestId]/mail/[mailboxId]": { requires: "staff:requests.handle", allowed: "notFound" },
  "/backoffice/support/[requestId]/drive/[folderId]": { requires: "staff:requests.handle", allowed: "notFound" },
  "/backoffice/support/[requestId]/chat/[channelId]": { requires: "staff:requests.handle", allowed: "notFound" },
  "/backoffice/grants": { requires: "staff:grants.read" },
  "/[org]": { requires: "org:org.read", allowed: "redirect:/[org]/dashboard" },
  "/[org]/dashboard": { requires: "org:org.read" },
  "/[org]/organization": { requires: "org:org.read" },
  "/[org]/partner-programme": { requires: "member:org.read" },
  "/[org]/users": { requires: "org:users.read" },
  "/[org]/users/invite": { requires: "org:users.invite" },
  "/[org]/users/[membershipId]": { requires: "org:members.view" },
  "/[org]/teams": { requires: "org:teams.read" },
  "/[org]/teams/[teamId]": { requires: "org:teams.read" },
  "/[org]/products": { requires: "org:products.read" },
  "/[org]/products/[productId]": { requires: "org:products.read" },
  "/[org]/products/export": { requires: "org:products.read" },
  "/[org]/tags": { requires: "org:tags.read" },
  "/[org]/tags/options": { requires: "org:tags.read", anonymous: "unauthenticated" },
  "/[org]/activity": { requires: "org:audit.read" },
  "/[org]/activity/export": { requires: "org:audit.read", denied: ["forbidden"] },
  "/[org]/products/options": { requires: "org:products.read", anonymous: "unauthenticated" },
  // Test-only failing pages: an unknown kind is the 404 page for everyone (and the whole route is a 404 in production).
  "/faults/[kind]": { requires: "public", allowed: "notFound" },
  "/[org]/api-tokens": { requires: "org:tokens.manage" },
  // GDP-1: the data-processing agreement is a download: a member without the role gets 403.
  "/[org]/organization/dpa": { requires: "org:dpa.generate", denied: ["forbidden"] },
  // SUP-4: the matrix's request is the legal representative's: the roles following every request open it,
  // a USER (who follows only their own) gets the 404. The form routes answer an empty form with 400.
  "/[org]/support": { requires: "org:support.request" },
  "/[org]/support/requests": { requires: "org:support.request", method: "POST", allowed: "invalid", anonymous: "unauthenticated", denied: ["forbidden"] },
  "/[org]/support/[requestId]": { requires: "org:support.readAll" },
  "/[org]/support/[requestId]/messages": { requires: "org:support.readAll", method: "POST", allowed: "invalid", anonymous: "unauthenticated", denied: ["forbidden", "notFound"] },
  "/[org]/support/[requestId]/attachments/[attachmentId]": { requires: "org:support.readAll", anonymous: "notFound", denied: ["forbidden", "notFound"] },
  // PRT-2 … PRT-7: the client's partners; partners themselves never see them.
  "/[org]/partners": { requires: "org:partners.read" },
  "/[org]/partners/add": { requires: "org:partners.manage" },
  "/[org]/partners/[partnershipId]": { requires: "org:partners.read" },
  "/[org]/mail": { requires: "org:content.mail.read" },
  "/[org]/mail/[mailboxId]": { requires: "org:content.mail.read" },
  "/[org]/drive": { requires: "org:content.drive.read" },
  "/[org]/drive/[folderId]": { requires: "org:content.drive.read" },
  "/[org]/chat": { requires: "org:content.chat.read" },
  "/[org]/chat/[channelId]": { requires: "org:content.chat.read" },
  "/[org]/invoices": { requires: "org:billing.read" },
  "/[org]/invoices/[invoiceId]": { requires: "org:billing.read" },
  "/[org]/orders": { requires: "org:billing.read" },
  "/[org]/orders/[orderId]": { requires: "org:billing.read" },
  "/[org]/invoices/[invoiceId]/pdf": { requires: "org:billing.read", denied: ["forbidden"] },
  // Without ?year= the query is refused (400) once the caller may read invoices.
  "/[org]/invoices/archive": { requires: "org:billing.read", allowed: "invalid", denied: ["forbidden"] },
  "/[org]/payments": { requires: "org:billing.order" },
  "/[org]/payments/[paymentId]": { requires: "org:billing.read" },
  "/[org]/payments/renewals": { requires: "org:billing.read" },
  "/[org]/payments/prepaid": { requires: "org:billing.read" },
  // The payment sandbox's hosted page stands in for the operator: whoever holds the checkout link (BIL-5).
  "/sandbox/pay/[checkout]": { requires: "link" },
  "/sandbox/pay/[checkout]/submit": { requires: "link", method: "POST", answers: ["notFound", "invalid"] },
  // The operator's signed notifications: a request without a valid signature is refused, whoever sends it.
  "/webhooks/payments": { requires: "public", method: "POST", allowed: "unauthenticated" },
};

/**
 * The routes the app answers, read from the `app/` folder: every `page.tsx`, and every `route.ts`
 * outside `app/api` (the REST API has its own tests). Route groups `(name)` leave no trace in the URL.
 */
export function discoverRoutes(appDir = path.resolve("app")): string[] {
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue; // private folders, parallel slots
        if (segments.length === 0 && entry.name === "api") continue;
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (/^(page\.(tsx|ts|jsx|js)|route\.(ts|js))$/.test(entry.name)) {
        found.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(appDir, []);
  return [...new Set(found)].sort();
}

/** Replaces each `[segment]` of a route with its value; a segment without one throws. */
export function fillRoute(route: string, values: Record<string, string>): string {
  return route.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for the segment [${name}] of ${route}`);
    return encodeURIComponent(value);
  });
}
