import type { Currency } from "@/lib/generated/prisma/enums";

/** PRT-1: the least yearly volume of products a partner manages, in the Organization's currency (minor units). */
export const MINIMUM_YEARLY_VOLUME_MINOR: Record<Currency, number> = { CHF: 200_000, EUR: 180_000 };

/** PRT-1: the highest cashback or discount rate a partner may be granted, in basis points (35 %). */
export const MAX_BENEFIT_RATE_BP = 3500;

/** The commitments an applicant ticks (PRT-1 and the guide's conditions), in the order the form shows them. */
export const COMMITMENTS = ["supportsClients", "invoicesClients", "tendersExclusive", "resellerTerms"] as const;
