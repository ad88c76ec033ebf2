// The status bar kept current by the app's events, as on a till: the shared
// `till` state started against a mocked Tauri IPC (commands and `sync`/`scan`
// events from @tauri-apps/api/mocks), the bar rendering what the events say.
import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CameraOverview, ErrorReport, RefusedEvent, RoundReport, SyncStatus, TillOverview } from "../../lib/bindings";
import type { ScanForScreen } from "../../lib/api";
import { till } from "../../lib/till.svelte";
import StatusBar from "./StatusBar.svelte";
import { tillOverview } from "../../test/overview";
import { syncStatus as status } from "../../test/sync";


function round(pulled: number): RoundReport {
  return { pushed: 0, push_duplicates: 0, parked: 0, pulled, pull_duplicates: 0, held: 0, high_water: 0, clock_skew_seconds: 0 };
}

/** A till that has just joined its shop: no staff yet, so no sign-in list. */
const joined: TillOverview = tillOverview({
  shop: {
    shop_name: "Corner Café",
    currency: "EUR",
    currency_decimals: 2,
    timezone: "Europe/Warsaw",
    day_starts_at: 4,
    device: "till-2",
    runs_open: false,
  },
});

const withStaff: TillOverview = {
  ...joined,
  staff: { runs_open: false, staff: [{ id: "s1", name: "Ana", role: "barista", removed: false }] },
};

/** What the engine answers now. */
const engine = {
  overview: joined,
  status: status({ online: false }),
  calls: [] as string[],
  refused: [] as RefusedEvent[],
  refusal: null as ErrorReport | null,
};

function count(command: string): number {
  return engine.calls.filter((c) => c === command).length;
}

async function sync(report: RoundReport | null, next: SyncStatus): Promise<void> {
  engine.status = next;
  await emit("sync", { report, status: next });
}

beforeAll(async () => {
  mockIPC(
    (cmd) => {
      engine.calls.push(cmd);
      switch (cmd) {
        case "cameras":
          return {
            cameras: [],
            setting: null,
            now: { state: "unavailable", detail: "no webcam", retry: true },
            replay: false,
          } satisfies CameraOverview;
        case "till_state":
          return engine.overview;
        case "sync_status":
          return engine.status;
        case "refused_events":
          if (engine.refusal) throw engine.refusal;
          return engine.refused;
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
  await till.start();
});

afterAll(() => clearMocks());

describe("StatusBar on the app's events", () => {
  it("starts from what the engine answers", () => {
    render(StatusBar, { onsettings: () => {} });
    expect(screen.getByTestId("camera-state").textContent?.trim()).toBe("No camera");
    expect(screen.getByTestId("sync-state").dataset["state"]).toBe("offline");
    expect(count("till_state")).toBe(1);
    expect(count("sync_status")).toBe(1);
  });

  it("follows a sync round: online, what waits, the catch-up's progress", async () => {
    render(StatusBar, { onsettings: () => {} });
    await sync(null, status({ waiting: 2, catch_up: { applied: 250, of: 1000, percent: 25 } }));
    await vi.waitFor(() => expect(screen.getByTestId("sync-state").dataset["state"]).toBe("online"));
    expect(screen.getByTestId("sync-waiting").dataset["waiting"]).toBe("2");
    expect(screen.getByTestId("catch-up").dataset["percent"]).toBe("25");
    expect(screen.getByTestId("catch-up").textContent?.trim()).toBe("Catching up: 25%");
  });

  it("asks for the shop again page by page while a joined till's staff list is empty", async () => {
    const before = count("till_state");
    engine.overview = withStaff;
    await sync(null, status({ catch_up: { applied: 500, of: 1000, percent: 50 } }));
    await vi.waitFor(() => expect(till.overview?.staff.staff).toHaveLength(1));
    expect(count("till_state")).toBe(before + 1);

    // The staff are here: the next page asks no more (the sync status, still).
    const statusAsked = count("sync_status");
    await sync(null, status({ catch_up: { applied: 600, of: 1000, percent: 60 } }));
    await vi.waitFor(() => expect(count("sync_status")).toBe(statusAsked + 1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(count("till_state")).toBe(before + 1);

    // A round that pulled events does.
    await sync(round(3), status());
    await vi.waitFor(() => expect(count("till_state")).toBe(before + 2));
  });

  it("follows the camera from the scan events", async () => {
    render(StatusBar, { onsettings: () => {} });
    const running: ScanForScreen = {
      notice: { kind: "camera", state: "running", detail: "", retry: false },
      captured_at_ms: 0,
    };
    await emit("scan", running);
    await vi.waitFor(() => expect(screen.getByTestId("camera-state").textContent?.trim()).toBe("Camera on"));
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });

  it("opens the refused events for a manager and says why for anyone else", async () => {
    engine.refused = [
      {
        event_id: "e1",
        refused_by: "server",
        kind: "visit",
        customer: "c1",
        customer_name: "Ada",
        staff: "Mia",
        recorded: "2026-12-03 07:05",
        refused: "2026-12-03 07:06",
        reason: "the visit amount 99999999999 is out of range",
      },
    ];
    render(StatusBar, { onsettings: () => {} });
    await sync(null, status({ parked: 1 }));
    const chip = await vi.waitFor(() => screen.getByTestId("parked"));
    expect(chip.textContent?.trim()).toBe("1 event refused");

    engine.refusal = {
      code: "auth.forbidden",
      message: "Bo may not read reports",
      what: null,
      field: null,
      detail: null,
      retryable: false,
    };
    await fireEvent.click(chip);
    const problem = await vi.waitFor(() => screen.getByTestId("status-problem"));
    expect(problem.textContent).not.toContain("Bo may not");
    expect(screen.queryByTestId("refused-events")).toBeNull();

    engine.refusal = null;
    await fireEvent.click(chip);
    const list = await vi.waitFor(() => screen.getByTestId("refused-events"));
    expect(list.textContent).toContain("Ada");
    expect(screen.queryByTestId("status-problem")).toBeNull();
    await fireEvent.click(screen.getByTestId("refused-close"));
    expect(screen.queryByTestId("refused-events")).toBeNull();
  });
});
