import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const NEXT_LINK = { name: "next/link", message: "Use Link from @/components/link (no viewport prefetch)." };
const SIMULATOR = ["@/simulator/*", "../simulator/*", "../../simulator/*"];
const FRONT_DOOR =
  "app/ and components/ call the use cases and actions of lib/<concept>/, never the database, a store or the upstream client.";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      ".next-run-*/**",
      "node_modules/**",
      "data/**",
      "bench/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "lib/upstream/openapi.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { paths: [NEXT_LINK] }],
    },
  },
  {
    // Pages, route handlers and components go through the front door of a concept (its use cases
    // and actions in lib/<concept>/): never the database, a store or the upstream client themselves.
    files: ["app/**", "components/**"],
    ignores: ["components/link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            NEXT_LINK,
            { name: "@/lib/db", message: FRONT_DOOR },
            { name: "@/lib/upstream", message: FRONT_DOOR },
          ],
          patterns: [
            { group: ["@/lib/db/*", "@/lib/upstream/*"], message: FRONT_DOOR },
            { group: ["@/lib/*/store", "@/lib/*/store/*", "@/lib/*/*/store", "@/lib/*/store-*"], message: FRONT_DOOR },
            { group: ["@/lib/*/sync/*"], message: FRONT_DOOR },
            {
              group: ["@/simulator/*", "@/tests/*"],
              message: "Product code never imports the simulator or test fixtures.",
            },
          ],
        },
      ],
    },
  },
  {
    // lib/ is product code: its tests reach the simulator and fixtures through tests/fixtures.
    files: ["lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [NEXT_LINK],
          patterns: [{ group: SIMULATOR, message: "Tests get the simulator from @/tests/fixtures." }],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [NEXT_LINK],
          patterns: [
            {
              group: [...SIMULATOR, "@/tests/*"],
              message: "Product code never imports the simulator or test fixtures.",
            },
          ],
        },
      ],
    },
  },
  { files: ["components/link.tsx"], rules: { "no-restricted-imports": "off" } },
];

export default config;
