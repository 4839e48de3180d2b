import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword } from "@/lib/accounts/sign-in";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { revokeSessionBySecret, SESSION_MAX_AGE_SECONDS } from "./sessions";

export const SESSION_COOKIE = "manager.session";

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const v = headers?.[name];
  return typeof v === "string" ? v : Array.isArray(v) ? String(v[0]) : null;
}

/**
 * next-auth issues a signed cookie holding only the secret of a database session (lib/auth/sessions.ts).
 * Every request resolves that row, so revoking it signs the browser out at once.
 */
export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  cookies: {
    sessionToken: {
      name: SESSION_COOKIE,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: (process.env.APP_URL ?? "").startsWith("https://") },
    },
  },
  providers: [
    CredentialsProvider({
      name: "password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const headers = req.headers as Record<string, unknown> | undefined;
        try {
          const res = await signInWithPassword(getDb(), credentials, {
            ip: clientAddress(headers),
            userAgent: header(headers, "user-agent"),
          });
          return { id: res.userId, sid: res.secret };
        } catch (err) {
          // next-auth passes the message to the client as `error`: only codes, never details.
          if (err instanceof AppError && err.code === "RATE_LIMITED") throw new Error("RATE_LIMITED");
          if (err instanceof AppError) return null;
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sid" in user) token.sid = (user as { sid: string }).sid;
      return token;
    },
    // The browser-visible session carries nothing secret; server code resolves the actor itself.
    session({ session }) {
      return { expires: session.expires, user: {} };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSessionBySecret(getDb(), token.sid);
    },
  },
};
