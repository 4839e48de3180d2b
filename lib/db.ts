import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** A transaction handle: the client without the methods that only exist outside a transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

const globalForDb = globalThis as unknown as { __managerDb?: PrismaClient };

/** The application's only PrismaClient, created on first use from DATABASE_URL. */
export function getDb(): PrismaClient {
  if (!globalForDb.__managerDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the Manager with `npm start`.");
    globalForDb.__managerDb = createDb(url);
  }
  return globalForDb.__managerDb;
}
