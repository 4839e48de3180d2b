export * from "./invoices";
export * from "./organizations";
export * from "./partners";
export * from "./products";
export * from "./tags";
export * from "./unique";
export * from "./users";
export * from "./api-tokens";
