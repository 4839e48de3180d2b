/**
 * The public partner directory's vocabulary (PRT-1): the regions a partner serves and its specialities,
 * stored as these codes on Partner and translated under `partnersDirectory.regions` / `.specialities`.
 */
export const PARTNER_REGIONS = ["CH_ROMANDIE", "CH_GERMAN", "CH_TICINO", "FR", "DE", "IT", "AT", "BENELUX", "EUROPE"] as const;
export type PartnerRegion = (typeof PARTNER_REGIONS)[number];

export const PARTNER_SPECIALITIES = ["webDevelopment", "ecommerce", "wordpress", "email", "cloud", "backup", "design", "marketing", "training"] as const;
export type PartnerSpeciality = (typeof PARTNER_SPECIALITIES)[number];
