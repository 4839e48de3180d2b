import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env by itself; the URL is only needed by CLI commands that talk to a database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/manager" },
});
