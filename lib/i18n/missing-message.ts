/**
 * What a message missing from the catalogue renders as when MANAGER_MISSING_MESSAGE_MARKERS=1 (the
 * end-to-end server): a marker the page walks look for. Elsewhere next-intl's own fallback (the key path).
 */
export function missingMessageMarker({ namespace, key }: { namespace?: string; key: string }): string {
  return `⟦missing message ${[namespace, key].filter(Boolean).join(".")}⟧`;
}

export const MISSING_MESSAGE_PATTERN = /⟦missing message [^⟧]*⟧/g;
