// The manager's settings: the camera says whether a webcam or recorded frames
// feed the scanner (the demo's replay is not a working webcam), and a change
// of webcam is kept by the engine and shown as the engine then has it.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CameraChoice, CameraNow, CameraOverview, CameraSetting, Permission } from "../lib/bindings";
import { locale } from "../lib/locale.svelte";
import { modal } from "../lib/modal.svelte";
import { till } from "../lib/till.svelte";
import { tillOverview } from "../test/overview";
import { baristaMay, managerMay } from "../test/permissions";
import Settings from "./Settings.svelte";

type Engine = {
  webcams: CameraChoice[];
  setting: CameraSetting | null;
  now: CameraNow;
  replay: boolean;
  calls: string[];
};

let engine: Engine;

function mockEngine(): void {
  mockIPC((cmd, args) => {
    engine.calls.push(cmd);
    switch (cmd) {
      case "cameras":
        return {
          cameras: engine.webcams,
          setting: engine.setting,
          now: engine.now,
          replay: engine.replay,
        } satisfies CameraOverview;
      case "use_camera": {
        // The engine keeps the choice and starts that webcam.
        engine.setting = (args as { setting: CameraSetting }).setting;
        engine.replay = false;
        return null;
      }
      default:
        return null;
    }
  });
}

beforeEach(async () => {
  engine = {
    webcams: [],
    setting: null,
    now: { state: "running", detail: "replay of 12 frames", retry: false },
    replay: true,
    calls: [],
  };
  mockEngine();
  till.sync = null;
  await till.refreshCamera();
});

afterEach(() => {
  clearMocks();
  locale.set("en");
});

function text(id: string): string {
  return screen.getByTestId(id).textContent?.trim() ?? "";
}

describe("the camera", () => {
  it("says recorded frames play in place of a webcam, not that a camera is on", async () => {
    render(Settings, { onclose: vi.fn() });
    expect(text("settings-camera")).toBe("Replayed camera");
    expect(text("settings-replay")).toBe("Recorded frames are playing in place of a webcam.");
    expect(await screen.findByText("No webcam is connected to this machine.")).toBeTruthy();
  });

  it("in Russian too", () => {
    locale.set("ru");
    render(Settings, { onclose: vi.fn() });
    expect(text("settings-camera")).toBe("Запись вместо камеры");
  });

  it("switches to a webcam a manager picks and then says the camera is on", async () => {
    engine.webcams = [{ index: 0, name: "Logitech C270" }];
    render(Settings, { onclose: vi.fn() });
    await fireEvent.click(await screen.findByRole("button", { name: "Logitech C270" }));
    await vi.waitFor(() => expect(screen.queryByTestId("settings-replay")).toBeNull());
    expect(text("settings-camera")).toBe("Camera on");
    expect(engine.calls).toContain("use_camera");
    expect(engine.setting).toEqual({ index: 0, resolution: null });
  });
});

describe("Escape", () => {
  it("closes settings, but not while a dialog over them has the keys (the status bar's refused events)", async () => {
    const onclose = vi.fn();
    render(Settings, { onclose });
    const closeDialog = modal.opened();
    try {
      await fireEvent.keyDown(document.body, { key: "Escape" });
      expect(onclose).not.toHaveBeenCalled();
    } finally {
      closeDialog();
    }
    await fireEvent.keyDown(document.body, { key: "Escape" });
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});

describe("the way to the reports", () => {
  afterEach(() => {
    till.overview = null;
  });

  /** Whoever is signed in may do `permissions`. */
  function signedInMay(permissions: Permission[]): void {
    till.overview = tillOverview({ permissions });
  }

  it("is a manager's: it closes settings and opens the reports", async () => {
    signedInMay(managerMay());
    const onreports = vi.fn();
    render(Settings, { onclose: vi.fn(), onreports });
    const button = screen.getByTestId("open-reports");
    expect(button.textContent).toBe("Reports");
    await fireEvent.click(button);
    expect(onreports).toHaveBeenCalledTimes(1);
  });

  it("is not a barista's", () => {
    signedInMay(baristaMay());
    render(Settings, { onclose: vi.fn(), onreports: vi.fn() });
    expect(screen.queryByTestId("open-reports")).toBeNull();
  });
});

describe("the way to the staff", () => {
  afterEach(() => {
    till.overview = null;
  });

  /** Whoever is signed in may do `permissions`; nobody is on the staff when `runsOpen`. */
  function signedInMay(permissions: Permission[], runsOpen = false): void {
    till.overview = tillOverview({ staff: { runs_open: runsOpen, staff: [] }, permissions });
  }

  it("is a manager's, beside the reports: it closes settings and opens the staff", async () => {
    signedInMay(managerMay());
    const onstaff = vi.fn();
    render(Settings, { onclose: vi.fn(), onreports: vi.fn(), onstaff });
    const button = screen.getByTestId("open-staff");
    expect(button.textContent).toBe("Staff");
    expect(button.previousElementSibling).toBe(screen.getByTestId("open-reports"));
    await fireEvent.click(button);
    expect(onstaff).toHaveBeenCalledTimes(1);
  });

  it("invites the first manager while the till runs open", () => {
    signedInMay(managerMay(), true);
    render(Settings, { onclose: vi.fn(), onstaff: vi.fn() });
    expect(screen.getByTestId("open-staff").textContent).toBe("Add staff — the till runs open: anyone can do anything");
  });

  it("in French too", () => {
    locale.set("fr");
    signedInMay(managerMay(), true);
    render(Settings, { onclose: vi.fn(), onstaff: vi.fn() });
    expect(screen.getByTestId("open-staff").textContent).toMatch(/^Ajouter/);
  });

  it("is not a barista's", () => {
    signedInMay(baristaMay());
    render(Settings, { onclose: vi.fn(), onreports: vi.fn(), onstaff: vi.fn() });
    expect(screen.queryByTestId("open-staff")).toBeNull();
  });
});
