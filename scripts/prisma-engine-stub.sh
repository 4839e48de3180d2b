#!/bin/sh
# Stand-in for the native Prisma schema engine, which cannot be downloaded here.
# Migrations run through @prisma/schema-engine-wasm (scripts/db.ts); generate only needs a path.
exit 1
