/**
 * GDP-1: the provider's sub-processors, printed in every data-processing agreement. Edit this list when
 * the provider's contracts change; the purpose is a key of the `dpa.purposes` catalogue namespace.
 */
export const SUB_PROCESSORS = [
  { name: "Swiss Datacenter Operations SA", country: "CH", purpose: "hosting" },
  { name: "Alpine Backup AG", country: "CH", purpose: "backup" },
  { name: "Helvetic Mail Relay SA", country: "CH", purpose: "email" },
  { name: "Swiss Payment Services AG", country: "CH", purpose: "payments" },
] as const;

export type SubProcessorPurpose = (typeof SUB_PROCESSORS)[number]["purpose"];
