import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [svelte()],
  // The message catalogues live in the repository's locales/, shared with the engine.
  server: { fs: { allow: [".."] } },
  // Tauri embeds dist/ in the binary; nothing is fetched from a network.
  build: { outDir: "dist", emptyOutDir: true, target: "safari15", assetsInlineLimit: 0 },
  test: {
    projects: [
      // The screens' logic: plain functions, no DOM.
      {
        extends: true,
        test: { name: "lib", include: ["src/lib/**/*.test.ts"], exclude: ["src/lib/**/*.svelte.test.ts"], environment: "node" },
      },
      // The screens' controllers, and the lib's reactive classes (`*.svelte.test.ts`): no DOM either,
      // but Svelte's client runtime, so their `$state` and `$derived` react as on the till (src/test/client-node.ts).
      {
        extends: true,
        test: {
          name: "controllers",
          include: ["src/controllers/**/*.test.ts", "src/lib/**/*.svelte.test.ts"],
          environment: "./src/test/client-node.ts",
        },
      },
      // The components and screens (and the app that picks them), mounted in jsdom with Svelte's browser build
      // (svelteTesting adds the `browser` condition and unmounts after each test).
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: "components",
          include: ["src/components/**/*.test.ts", "src/screens/**/*.test.ts", "src/App.test.ts"],
          environment: "jsdom",
        },
      },
    ],
  },
});
