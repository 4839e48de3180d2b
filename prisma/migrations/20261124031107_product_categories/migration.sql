-- Reference data: the product categories (labels come from the translation catalogues).
-- BIL-3: domains renew up to ten years ahead, the other services one year.
INSERT INTO "ProductCategory" ("id", "code", "maxRenewalYears", "sortOrder") VALUES
  ('cat_domain', 'domain', 10, 1),
  ('cat_hosting', 'hosting', 1, 2),
  ('cat_mail', 'mail', 1, 3),
  ('cat_drive', 'drive', 1, 4),
  ('cat_chat', 'chat', 1, 5),
  ('cat_newsletter', 'newsletter', 1, 6)
ON CONFLICT ("code") DO NOTHING;
