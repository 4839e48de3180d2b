import { generateSecret, generateURI, verify } from "otplib";
import { now } from "@/lib/clock";

/** 2FA-1: RFC 6238 codes, 6 digits, 30-second steps (what every authenticator app shows by default). */
export const TOTP_PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(input: { issuer: string; account: string; secret: string }): string {
  return generateURI({ issuer: input.issuer, label: input.account, secret: input.secret, period: TOTP_PERIOD });
}

export function normaliseTotpCode(raw: string): string {
  return raw.replace(/[\s-]/g, "");
}

/**
 * Checks a code against the secret at the clock's current time, tolerating one step of drift either way.
 * 2FA-5: a step at or before `lastUsedStep` is refused, so a code works once. Answers the accepted step.
 */
export async function checkTotp(secret: string, rawCode: string, lastUsedStep: bigint | null): Promise<number | null> {
  const token = normaliseTotpCode(rawCode);
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    period: TOTP_PERIOD,
    epoch: Math.floor(now().getTime() / 1000),
    epochTolerance: TOTP_PERIOD,
    ...(lastUsedStep !== null ? { afterTimeStep: Number(lastUsedStep) } : {}),
  }).catch(() => null);
  return result?.valid && "timeStep" in result ? result.timeStep : null;
}
