// The enrolment form takes a pre-printed card held to the camera as the card
// handed over — when the scanner says the code it refused is a card's code —
// and sends it with the enrolment; anything else the scanner refuses is not
// a card to hand over.
import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ScanForScreen } from "../../lib/api";
import type { CameraOverview, Enrol, ErrorReport, Outcome, ScanNotice } from "../../lib/bindings";
import { till } from "../../lib/till.svelte";
import { syncStatus } from "../../test/sync";
import EnrolDialog from "./EnrolDialog.svelte";

const CARD = "CP1.XSMRF7YBV4AQF5ZOIJBYAYKXFEZOBF3BFOO3IPZD7MZIPZWZTWKC33A5UURVP3HXB";

const unknown: ErrorReport = {
  code: "card.unknown_till",
  message: "in English",
  what: null,
  field: null,
  detail: null,
  retryable: false,
};

const enrolled: Outcome = {
  event_id: "evt-1",
  kind: "enrolled",
  duplicate: false,
  deltas: [],
  lines: [],
  messages: [],
  counter: [],
  customer: null,
};

let asked: Enrol[] = [];

beforeAll(async () => {
  mockIPC(
    (cmd, args) => {
      switch (cmd) {
        case "cameras":
          return {
            cameras: [],
            setting: null,
            now: { state: "running", detail: "", retry: false },
            replay: false,
          } satisfies CameraOverview;
        case "sync_status":
          return syncStatus();
        case "enrol":
          asked.push((args as { request: Enrol }).request);
          return enrolled;
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
  await till.start();
});

afterAll(() => clearMocks());

beforeEach(() => {
  asked = [];
});

function refused(code: string, card: string | null): ScanForScreen {
  const notice: ScanNotice = { kind: "refused", latency_ms: 4, code, card, error: unknown };
  return { notice, captured_at_ms: 0 };
}

function form() {
  const ondone = vi.fn<(outcome: Outcome, newCard: boolean) => void>();
  render(EnrolDialog, { ondone, oncancel: () => {} });
  return { ondone };
}

describe("a card held up while enrolling", () => {
  it("is the card handed over when the scanner says it is a card's code", async () => {
    const { ondone } = form();
    expect(screen.getByTestId("enrol-card").textContent).toContain("Hold a pre-printed card");
    await emit("scan", refused(CARD, CARD));
    await vi.waitFor(() => expect(screen.getByTestId("enrol-card").textContent).toContain("Card read"));

    await fireEvent.click(screen.getByTestId("enrol-submit"));
    await vi.waitFor(() => expect(ondone).toHaveBeenCalledTimes(1));
    expect(asked[0]?.card).toBe(CARD);
    // Handed over, not issued: nothing to print.
    expect(ondone).toHaveBeenCalledWith(enrolled, false);
  });

  it("is no card when the scanner refused something else", async () => {
    const { ondone } = form();
    await emit("scan", refused("https://example.com/menu", null));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByTestId("enrol-card").textContent).toContain("Hold a pre-printed card");

    await fireEvent.click(screen.getByTestId("enrol-submit"));
    await vi.waitFor(() => expect(ondone).toHaveBeenCalledTimes(1));
    expect(asked[0]?.card).toBeUndefined();
    expect(ondone).toHaveBeenCalledWith(enrolled, true);
  });
});
