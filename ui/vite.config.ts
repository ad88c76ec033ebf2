import { defineConfig } from "vitest/config";

export default defineConfig({
  // The message catalogues live in the repository's locales/, shared with the engine.
  server: { fs: { allow: [".."] } },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
