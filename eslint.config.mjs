import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

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
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: "Use Link from @/components/link (no viewport prefetch)." }] },
      ],
    },
  },
  { files: ["components/link.tsx"], rules: { "no-restricted-imports": "off" } },
];

export default config;
