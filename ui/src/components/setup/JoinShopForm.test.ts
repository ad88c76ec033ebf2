// Joining a shop: a pairing QR held up to the camera fills the pairing code,
// as the scanner tells it (its own `pairing` notice); a code it refuses is no
// pairing.
import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ScanForScreen } from "../../lib/api";
import type { CameraOverview, ErrorReport } from "../../lib/bindings";
import { till } from "../../lib/till.svelte";
import { syncStatus } from "../../test/sync";
import JoinShopForm from "./JoinShopForm.svelte";

/** A pairing QR's parts, as the engine's scan notice gives them. */
const PAIRING = { code: "K7QF-2M9D", server: "https://sync.example.com" };

const garbled: ErrorReport = {
  code: "card.garbled",
  message: "in English",
  what: null,
  field: null,
  detail: null,
  retryable: false,
};

beforeAll(async () => {
  mockIPC(
    (cmd) => {
      switch (cmd) {
        case "cameras":
          return {
            cameras: [],
            setting: null,
            now: { state: "running", detail: "", retry: false },
            replay: false,
          } satisfies CameraOverview;
        case "sync_status":
          return syncStatus({ paired: false, online: false });
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
  await till.start();
});

afterAll(() => clearMocks());

function codeField(): HTMLInputElement {
  return screen.getByTestId("join-form").querySelector<HTMLInputElement>("input[name=code]")!;
}

describe("without a camera", () => {
  it("speaks of the pairing code, not a card's", async () => {
    till.camera = { state: "unavailable", detail: "no /dev/video0", retry: true };
    try {
      render(JoinShopForm, { onback: () => {} });
      const words = screen.getByTestId("camera").textContent ?? "";
      expect(words).toContain("pairing code");
      expect(words).not.toContain("card");
    } finally {
      till.camera = { state: "running", detail: "", retry: false };
    }
  });
});

describe("a pairing QR held up to the camera", () => {
  it("fills the pairing code and the server's address, each in its field", async () => {
    render(JoinShopForm, { onback: () => {} });
    expect(codeField().value).toBe("");
    const scan: ScanForScreen = { notice: { kind: "pairing", ...PAIRING }, captured_at_ms: 0 };
    await emit("scan", scan);
    await vi.waitFor(() => expect(codeField().value).toBe(PAIRING.code));
    const server = document.querySelector<HTMLInputElement>("input[name=server]");
    expect(server?.value).toBe(PAIRING.server);
  });

  it("keeps a typed server when the QR carries none", async () => {
    render(JoinShopForm, { onback: () => {} });
    const server = document.querySelector<HTMLInputElement>("input[name=server]");
    if (!server) throw new Error("no server field");
    await fireEvent.input(server, { target: { value: "https://typed.example" } });
    const scan: ScanForScreen = { notice: { kind: "pairing", code: PAIRING.code, server: null }, captured_at_ms: 0 };
    await emit("scan", scan);
    await vi.waitFor(() => expect(codeField().value).toBe(PAIRING.code));
    expect(server.value).toBe("https://typed.example");
  });

  it("is not a code the scanner refused", async () => {
    render(JoinShopForm, { onback: () => {} });
    const scan: ScanForScreen = {
      notice: { kind: "refused", latency_ms: 3, code: "not a pairing", card: null, error: garbled },
      captured_at_ms: 0,
    };
    await emit("scan", scan);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(codeField().value).toBe("");
  });
});
