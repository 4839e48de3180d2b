/** A screenshot may weigh this much at most (SUP-4 requests; checked before it is stored). */
export const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;
/** Screenshots per request or per reply. */
export const MAX_SCREENSHOTS = 3;
/** The longest description or reply, in characters. */
export const MAX_BODY_CHARS = 10_000;
/** A request's or reply's whole form: its screenshots plus the text fields. */
export const MAX_FORM_BYTES = MAX_SCREENSHOTS * MAX_SCREENSHOT_BYTES + 64 * 1024;
