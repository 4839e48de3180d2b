const E164 = /^\+[1-9]\d{7,14}$/;

/** Normalises what a person typed (`+41 79 123 45 67`, `0041…`) to E.164, or null. */
export function normalisePhoneNumber(raw: string): string | null {
  const compact = raw.replace(/[\s().\-/]/g, "").replace(/^00/, "+");
  return E164.test(compact) ? compact : null;
}

export function isE164(phone: string): boolean {
  return E164.test(phone);
}

/** Shows only the last digits of a number (`+41 ••• •• 67`). */
export function maskPhoneNumber(phone: string): string {
  return `${phone.slice(0, 3)} ••• •• ${phone.slice(-2)}`;
}
