// A vitest environment for the controllers: Node's globals (no DOM), with
// modules transformed as for the browser, so a `.svelte.ts` class gets
// Svelte's client runtime (reactive `$state`/`$derived`) rather than the
// server's render-once one.
import type { Environment } from "vitest/environments";

export default {
  name: "client-node",
  viteEnvironment: "client",
  setup() {
    return { teardown() {} };
  },
} satisfies Environment;
