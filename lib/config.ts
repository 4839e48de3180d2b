/** Deployment settings, read from the environment once. */
export const config = {
  get appUrl(): string {
    return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  },
  get providerName(): string {
    return process.env.PROVIDER_NAME ?? "Manager";
  },
  get supportEmail(): string {
    return process.env.SUPPORT_EMAIL ?? "support@manager.localhost";
  },
  /** Where vulnerabilities are reported (`/.well-known/security.txt`): a `mailto:` or `https:` URI. */
  get securityContact(): string {
    return process.env.SECURITY_CONTACT ?? `mailto:${this.supportEmail}`;
  },
  /** The development mailbox page exists only while mail goes to the local catcher. */
  get mailboxEnabled(): boolean {
    return process.env.MAILBOX_ENABLED === "1";
  },
  /**
   * The database pool of one instance (the one place it is sized): connections it may hold at once.
   * With N instances: N × (this + 7 — the rate limiter's 4 and the job runner's 3) must stay below
   * PostgreSQL's `max_connections` (100 by default) minus what migrations and admin tools need.
   */
  get databasePoolSize(): number {
    return positiveInt("DATABASE_POOL_SIZE", 10);
  },
  /** How long one SQL statement may run before PostgreSQL cancels it (`statement_timeout`), in ms. */
  get databaseStatementTimeoutMs(): number {
    return positiveInt("DATABASE_STATEMENT_TIMEOUT_MS", 15_000);
  },
  /** How long a request waits for a connection (a new one, or a free one of a busy pool), in ms. */
  get databaseConnectTimeoutMs(): number {
    return positiveInt("DATABASE_CONNECT_TIMEOUT_MS", 10_000);
  },
  /** The payment operator (PSP); only the sandbox is built in. */
  get paymentOperator(): string {
    return process.env.PAYMENT_OPERATOR ?? "sandbox";
  },
  /** The secret the payment operator signs its notifications with (HMAC-SHA256). */
  get paymentWebhookSecret(): string {
    const secret = process.env.PAYMENT_WEBHOOK_SECRET;
    if (!secret || secret.length < 16) throw new Error("PAYMENT_WEBHOOK_SECRET is not set (at least 16 characters)");
    return secret;
  },
};

/** A whole number above zero from the environment, else `fallback`; anything else stops the start. */
function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a whole number above 0 (got "${raw}")`);
  return value;
}
