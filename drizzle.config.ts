import { defineConfig } from "drizzle-kit";

/** `npx drizzle-kit generate` writes a migration to drizzle/ after a change of lib/db/schema.ts. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
