// The status bar along the till's foot: who is signed in, whether sync is
// online and what it still has to send, a catch-up's progress, the camera,
// and the way to settings for a manager. The words are the real catalogues'.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { act, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorReport, Role, TillOverview } from "../../lib/bindings";
import { locale } from "../../lib/locale.svelte";
import { till } from "../../lib/till.svelte";
import StatusBar from "./StatusBar.svelte";
import { tillOverview } from "../../test/overview";
import { syncStatus as status } from "../../test/sync";
import { baristaMay, managerMay } from "../../test/permissions";


function overview(who: { name: string; role: Role } | null, runsOpen = false): TillOverview {
  return tillOverview({
    shop: {
      shop_name: "Corner Café",
      currency: "EUR",
      currency_decimals: 2,
      timezone: "Europe/Warsaw",
      day_starts_at: 4,
      device: "till-1",
      runs_open: runsOpen,
    },
    signed_in: who && { staff: `staff-${who.name}`, name: who.name, role: who.role },
    staff: {
      runs_open: runsOpen,
      staff: runsOpen ? [] : [{ id: "staff-Ana", name: "Ana", role: "barista", removed: false }],
    },
    // The engine's answer: everything while the till runs open, else the role's.
    permissions: runsOpen || who?.role === "manager" ? managerMay() : who ? baristaMay() : [],
  });
}

const onsettings = vi.fn<() => void>();

beforeEach(() => {
  onsettings.mockReset();
  till.overview = overview({ name: "Ana", role: "barista" });
  till.sync = status();
  till.camera = { state: "running", detail: "", retry: false };
  till.replay = false;
});

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
  locale.set("en");
});

function bar() {
  return render(StatusBar, { onsettings });
}

function text(testId: string): string {
  return screen.getByTestId(testId).textContent?.replace(/\s+/g, " ").trim() ?? "";
}

/** A refusal as the app's commands reject with it. */
function refusal(code: ErrorReport["code"]): ErrorReport {
  return { code, message: "in English", what: null, field: null, detail: null, retryable: false };
}

describe("sync", () => {
  it("claims nothing about sync before the engine's first status", () => {
    till.sync = null;
    bar();
    expect(screen.queryByTestId("sync-state")).toBeNull();
    expect(screen.queryByTestId("sync-waiting")).toBeNull();
    expect(screen.getByTestId("status-bar").textContent).not.toContain("Not paired");
  });

  it("says so when the till is not paired, and counts nothing waiting", () => {
    till.sync = status({ paired: false, online: false, waiting: 4 });
    bar();
    expect(screen.getByTestId("sync-state").dataset["state"]).toBe("unpaired");
    expect(text("sync-state")).toBe("Not paired (local only)");
    expect(screen.queryByTestId("sync-waiting")).toBeNull();
  });

  it("tells online from offline", async () => {
    bar();
    expect(screen.getByTestId("sync-state").dataset["state"]).toBe("online");
    expect(text("sync-state")).toBe("Online");

    await act(() => (till.sync = status({ online: false })));
    expect(screen.getByTestId("sync-state").dataset["state"]).toBe("offline");
    expect(text("sync-state")).toBe("Offline");
  });

  it("counts the events still waiting to be sent, in words", async () => {
    bar();
    expect(text("sync-waiting")).toBe("all sent");
    await act(() => (till.sync = status({ online: false, waiting: 1 })));
    expect(text("sync-waiting")).toBe("1 to send");
    await act(() => (till.sync = status({ online: false, waiting: 12 })));
    expect(text("sync-waiting")).toBe("12 to send");
    expect(screen.getByTestId("sync-waiting").dataset["waiting"]).toBe("12");
  });

  it("warns of refused and held events only when there are some", async () => {
    bar();
    expect(screen.queryByTestId("parked")).toBeNull();
    expect(screen.queryByTestId("held")).toBeNull();

    await act(() => (till.sync = status({ parked: 1, held: 1 })));
    expect(text("parked")).toBe("1 event refused");
    expect(text("held")).toBe("1 event not applied here");
    expect(screen.getByTestId("parked").classList.contains("warn")).toBe(true);
    expect(screen.getByTestId("held").classList.contains("warn")).toBe(true);

    await act(() => (till.sync = status({ parked: 4, held: 3 })));
    expect(text("parked")).toBe("4 events refused");
    expect(text("held")).toBe("3 events not applied here");
  });

  it("shows a catch-up's progress while a joined till pulls the shop's history", async () => {
    bar();
    expect(screen.queryByTestId("catch-up")).toBeNull();

    await act(() => (till.sync = status({ catch_up: { applied: 420, of: 1000, percent: 42 } })));
    const catchUp = screen.getByTestId("catch-up");
    expect(catchUp.dataset["percent"]).toBe("42");
    expect(text("catch-up")).toBe("Catching up: 42%");
    expect(catchUp.querySelector("progress")?.value).toBe(42);

    await act(() => (till.sync = status({ catch_up: { applied: 990, of: 1000, percent: 99 } })));
    expect(screen.getByTestId("catch-up").dataset["percent"]).toBe("99");

    // Caught up: the bar goes.
    await act(() => (till.sync = status()));
    expect(screen.queryByTestId("catch-up")).toBeNull();
  });

  it("tells how long ago the last round finished, and keeps counting", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-03T07:00:00Z"), toFake: ["Date", "setInterval", "clearInterval"] });
    till.sync = status({ last_sync: "2026-12-03T06:55:00Z" });
    bar();
    expect(text("last-sync")).toBe("synced 5 min ago");
    await act(() => vi.advanceTimersByTime(60_000));
    expect(text("last-sync")).toBe("synced 6 min ago");

    await act(() => (till.sync = status({ last_sync: "2026-12-03T07:00:50Z" })));
    expect(text("last-sync")).toBe("synced just now");
  });

  it("offline for over an hour, says when it last synced rather than how many minutes ago", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-03T07:00:00Z"), toFake: ["Date", "setInterval", "clearInterval"] });
    till.sync = status({ online: false, last_sync: "2026-12-03T04:58:00Z" });
    bar();
    const local = new Date("2026-12-03T04:58:00Z");
    const hhmm = `${String(local.getHours()).padStart(2, "0")}:${String(local.getMinutes()).padStart(2, "0")}`;
    // The time of day (with the day before it when that was another day, in the till's own zone).
    expect(text("last-sync")).toMatch(new RegExp(`^last synced (.+, )?${hhmm}$`));
    await act(() => locale.set("pl"));
    expect(text("last-sync")).toMatch(new RegExp(`^zsynchronizowano: (.+, )?${hhmm}$`));
  });

  it("says when sync has stopped for good and a manager must act", async () => {
    bar();
    expect(screen.getByTestId("status-bar").textContent).not.toContain("Sync stopped");
    await act(() => (till.sync = status({ online: false, action_needed: "pair again" })));
    expect(screen.getByTestId("status-bar").textContent).toContain(
      "Sync stopped: a manager must pair this till again",
    );
  });
});

describe("the camera", () => {
  it("is on: no retry", () => {
    bar();
    expect(text("camera-state")).toBe("Camera on");
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });

  it.each([
    ["unavailable", "No camera"],
    ["ended", "Camera ended"],
  ] as const)("%s: says so and retries on a tap", async (state, words) => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return null;
    });
    till.camera = { state, detail: "no /dev/video0", retry: true };
    bar();
    expect(text("camera-state")).toBe(words);
    expect(screen.getByTestId("camera-state").classList.contains("warn")).toBe(true);
    await fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(calls).toEqual(["camera_retry"]);
  });

  it("says why when a retry is refused", async () => {
    mockIPC((cmd) => {
      if (cmd === "camera_retry") throw refusal("io");
      return null;
    });
    till.camera = { state: "unavailable", detail: "no /dev/video0", retry: true };
    bar();
    await fireEvent.click(screen.getByTestId("camera-retry"));
    await vi.waitFor(() => expect(text("status-problem")).toBe("A file could not be read or written."));
  });

  it("says a replay is a replay, not a webcam, and warns when it stops", async () => {
    till.replay = true;
    bar();
    expect(text("camera-state")).toBe("Replayed camera");
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
    await act(() => {
      till.camera = { state: "ended", detail: "", retry: true };
    });
    expect(text("camera-state")).toBe("Camera ended");
  });

  it("offers no second retry while a camera view on screen offers its own", async () => {
    till.camera = { state: "unavailable", detail: "no /dev/video0", retry: true };
    const gone = till.cameraViewShown();
    try {
      bar();
      expect(text("camera-state")).toBe("No camera");
      expect(screen.queryByTestId("camera-retry")).toBeNull();
    } finally {
      await act(() => gone());
    }
    expect(screen.getByTestId("camera-retry")).toBeTruthy();
  });

  it("offers a retry only when the engine says one may help", () => {
    till.camera = { state: "unavailable", detail: "no /dev/video0", retry: false };
    bar();
    expect(text("camera-state")).toBe("No camera");
    expect(screen.queryByTestId("camera-retry")).toBeNull();
  });

  it("starting: no retry yet", () => {
    till.camera = { state: "starting", detail: "", retry: false };
    bar();
    expect(text("camera-state")).toBe("Camera starting");
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });
});

describe("who is at the till", () => {
  it("names the barista signed in, and offers a barista no settings", () => {
    bar();
    expect(text("signed-in")).toBe("Ana at the till");
    expect(screen.queryByTestId("settings-open")).toBeNull();
  });

  it("offers a manager the settings", async () => {
    till.overview = overview({ name: "Mia", role: "manager" });
    bar();
    await fireEvent.click(screen.getByTestId("settings-open"));
    expect(onsettings).toHaveBeenCalledTimes(1);
  });

  it("offers the settings as the engine's permissions say, not by the role's name", () => {
    till.overview = { ...overview({ name: "Mia", role: "manager" }), permissions: baristaMay() };
    const { unmount } = bar();
    expect(screen.queryByTestId("settings-open")).toBeNull();
    unmount();
    till.overview = { ...overview({ name: "Ana", role: "barista" }), permissions: [...baristaMay(), "maintain"] };
    bar();
    expect(screen.getByTestId("settings-open")).toBeTruthy();
  });

  it("offers the settings to anyone while the till runs open", () => {
    till.overview = overview(null, true);
    bar();
    expect(screen.queryByTestId("signed-in")).toBeNull();
    expect(screen.getByTestId("status-bar").textContent).toContain("No sign-in needed");
    expect(screen.getByTestId("settings-open")).toBeTruthy();
  });

  it("signs out through the engine and shows the till as the engine has it then", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "till_state") return overview(null);
      return null;
    });
    bar();
    await fireEvent.click(screen.getByTestId("sign-out"));
    await vi.waitFor(() => expect(screen.queryByTestId("signed-in")).toBeNull());
    expect(calls).toEqual(["sign_out", "till_state"]);
    expect(screen.queryByTestId("sign-out")).toBeNull();
  });
});

describe("a refused sign-out", () => {
  it("says why and leaves the barista signed in", async () => {
    mockIPC((cmd) => {
      if (cmd === "sign_out") throw refusal("database");
      return null;
    });
    bar();
    await fireEvent.click(screen.getByTestId("sign-out"));
    await vi.waitFor(() => expect(text("status-problem")).toBe("The till's database could not do that. Try again."));
    expect(text("signed-in")).toBe("Ana at the till");
  });
});

describe("in Polish", () => {
  it("counts with Polish plural forms, switched without a restart", async () => {
    till.sync = status({ online: false, waiting: 5, parked: 2, held: 22 });
    bar();
    expect(text("sync-waiting")).toBe("5 to send");

    await act(() => locale.set("pl"));
    expect(text("sync-state")).toBe("Bez sieci");
    expect(text("sync-waiting")).toBe("5 do wysłania");
    expect(text("parked")).toBe("2 zdarzenia odrzucone");
    expect(text("held")).toBe("22 zdarzenia niezastosowane");
    expect(text("camera-state")).toBe("Kamera działa");

    await act(() => (till.sync = status({ waiting: 1, catch_up: { applied: 7, of: 10, percent: 70 } })));
    expect(text("sync-waiting")).toBe("1 do wysłania");
    expect(text("catch-up")).toBe("Pobieranie danych: 70%");
  });
});
