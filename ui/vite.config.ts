import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [svelte()],
  // The message catalogues live in the repository's locales/, shared with the engine.
  server: { fs: { allow: [".."] } },
  // Tauri embeds dist/ in the binary; nothing is fetched from a network.
  build: { outDir: "dist", emptyOutDir: true, target: "safari15", assetsInlineLimit: 0 },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
