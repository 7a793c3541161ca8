// @ts-check
import tseslint from "typescript-eslint";

/**
 * Layer rules of docs/adr/0002-two-database-dialects.md and docs/architecture.md: data
 * flows web/cli/exports → app → db → domain, never back, so the import graph has no cycles.
 */
const layerRules = [
  {
    files: ["src/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/db/**",
                "**/app/**",
                "**/web/**",
                "**/cli/**",
                "**/exports/**",
                "**/i18n/**",
                "**/errors.js",
                "**/config.js",
              ],
              message:
                "domain/ is pure rules and types: it must not import other layers of src/ (see docs/architecture.md).",
            },
            {
              group: [
                "node:*",
                "fs",
                "path",
                "kysely",
                "fastify",
                "pg",
                "better-sqlite3",
              ],
              message: "domain/ does no I/O: pass data in, return data out.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "src/web/**/*.{ts,tsx}",
      "src/cli/**/*.{ts,tsx}",
      "src/exports/**/*.{ts,tsx}",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/*", "**/db/**", "kysely", "pg", "better-sqlite3"],
              message:
                "web/, cli/ and exports/ reach data only through app/ use cases, so that permission checks and audit events cannot be skipped.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/db/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/app/*",
                "**/app/**",
                "**/web/**",
                "**/cli/**",
                "**/exports/**",
                "**/i18n/**",
                "**/errors.js",
                "**/config.js",
                "fastify",
              ],
              message:
                "db/ knows only domain/ (docs/adr/0002-two-database-dialects.md): repositories map rows to domain types, while messages, errors, configuration, use cases, HTTP and documents live above it.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/web/**", "**/cli/**", "fastify"],
              message:
                "app/ use cases are called by web/ and cli/, never the other way round.",
            },
            {
              group: ["**/exports/*", "**/exports/**"],
              message:
                "app/ must not import exports/: documents are rendered from what a use case returns, by web/ and cli/ (and exports/ may use app/ types), so app/ → exports/ would close a cycle. Shared types belong in domain/; reading an imported file belongs in app/.",
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "data/**",
      "coverage/**",
      "eslint.config.js",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One TypeScript program for the whole run: the project service built the
        // program twice (for security/ and again for src/cli/main.ts), about 10 CPU s
        // of a clean run's 130 (docs/adr/0058).
        project: ["./tsconfig.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["bench/**/*.mjs", "scripts/**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The portal's one browser script is plain JavaScript served as is (no build step),
    // so it is outside the TypeScript project; lint it without type information.
    files: ["src/web/assets/**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Migrations must keep working when the TypeScript schema moves on, so they see Kysely<any>.
    files: ["src/db/migrations/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["test/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
    },
  },
  ...layerRules,
);
