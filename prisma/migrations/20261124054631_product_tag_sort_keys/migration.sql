-- AlterTable
ALTER TABLE "ProductTag" ADD COLUMN     "productExpiresAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "productName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "productStatus" "ProductStatus" NOT NULL DEFAULT 'ACTIVE';

-- CreateIndex
CREATE INDEX "ProductTag_tagId_productName_productId_idx" ON "ProductTag"("tagId", "productName", "productId");

-- CreateIndex
CREATE INDEX "ProductTag_tagId_productExpiresAt_productId_idx" ON "ProductTag"("tagId", "productExpiresAt", "productId");

-- CreateIndex
CREATE INDEX "ProductTag_tagId_productStatus_productId_idx" ON "ProductTag"("tagId", "productStatus", "productId");

-- The copies are written by the database itself, so no code path can forget them.
CREATE FUNCTION product_tag_copy_sort_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p."name", p."expiresAt", p."status"
    INTO NEW."productName", NEW."productExpiresAt", NEW."productStatus"
    FROM "Product" p WHERE p."id" = NEW."productId";
  RETURN NEW;
END $$;

CREATE TRIGGER product_tag_copy_sort_keys
  BEFORE INSERT OR UPDATE ON "ProductTag"
  FOR EACH ROW EXECUTE FUNCTION product_tag_copy_sort_keys();

CREATE FUNCTION product_sort_keys_to_tags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ProductTag"
     SET "productName" = NEW."name", "productExpiresAt" = NEW."expiresAt", "productStatus" = NEW."status"
   WHERE "productId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER product_sort_keys_to_tags
  AFTER UPDATE OF "name", "expiresAt", "status" ON "Product"
  FOR EACH ROW
  WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."expiresAt" IS DISTINCT FROM NEW."expiresAt" OR OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION product_sort_keys_to_tags();

-- Existing links.
UPDATE "ProductTag" pt
   SET "productName" = p."name", "productExpiresAt" = p."expiresAt", "productStatus" = p."status"
  FROM "Product" p WHERE p."id" = pt."productId";
