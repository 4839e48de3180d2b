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
