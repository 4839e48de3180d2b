/** The longest period any line may ask for, whatever the category (BIL-3: a .ch domain up to 10 years). */
export const MAX_RENEWAL_MONTHS = 120;

type Renewable = { renewalPeriodMonths: number; category: { maxRenewalYears: number } };

/**
 * BIL-3: the periods (in months) a product may be renewed for at once — whole multiples of its own
 * renewal period, up to what its category allows (`maxRenewalYears`, e.g. a .ch domain 1–10 years);
 * a category renewed one year at a time offers the product's own period only.
 */
export function renewalPeriods(product: Renewable): number[] {
  const step = Math.max(1, product.renewalPeriodMonths);
  const limit = Math.min(MAX_RENEWAL_MONTHS, Math.max(step, product.category.maxRenewalYears * 12));
  if (product.category.maxRenewalYears <= 1) return [step];
  const out: number[] = [];
  for (let months = step; months <= limit; months += step) out.push(months);
  return out;
}
