// The app over a mocked engine (Tauri's IPC and events mocked): a sale in
// progress outlives an idle sign-out. Ana keys 4 for Ada and leaves the till;
// the engine signs her out; the sign-in screen says why, on top of the barista
// screen, which waits hidden and deaf; whoever signs in next finds Ada at the
// counter and 4 keyed.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { act, fireEvent, render, screen } from "@testing-library/svelte";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CameraOverview, CustomerSummary, ErrorReport, Outcome, SignIn, StartupProblem, TillOverview } from "./lib/bindings";
import { locale } from "./lib/locale.svelte";
import { till } from "./lib/till.svelte";
import { tillOverview } from "./test/overview";
import { baristaMay } from "./test/permissions";
import { syncStatus } from "./test/sync";
import { problem } from "./test/recovery";
import App from "./App.svelte";

const ANA = { id: "staff-ana", name: "Ana", role: "barista" as const, removed: false };
const BO = { id: "staff-bo", name: "Bo", role: "barista" as const, removed: false };
const PIN = "4821";

const ada: CustomerSummary = {
  tier: null,
  balances: [],
  points_expired: 0,
  rewards_available: [],
  rewards_out_of_reach: [],
  birthday_near: null,
  conflicts: [],
  id: "ada",
  name: "Ada",
  phone: null,
  email: null,
  birthday: null,
  marketing_consent: false,
  tags: [],
  status: "active",
  merged_into: null,
  visits: 3,
  spend: 0,
  last_visit: null,
  cards: [],
  card_codes: [],
};

const shop = {
  shop_name: "Corner Café",
  currency: "EUR",
  currency_decimals: 2,
  timezone: "Europe/Warsaw",
  day_starts_at: 4,
  device: "till-1",
  runs_open: false,
};

/** Who the engine has signed in, or who it signed out for leaving the till unused. */
function overview(state: { signedIn: typeof ANA | null; idle?: string }): TillOverview {
  const who = state.signedIn;
  return tillOverview({
    shop,
    staff: { runs_open: false, staff: [ANA, BO] },
    signed_in: who && { staff: who.id, name: who.name, role: who.role },
    signed_in_until: who && new Date(Date.now() + 30 * 60_000).toISOString(),
    signed_out_idle: state.idle ?? null,
    permissions: who ? baristaMay() : [],
  });
}

const signedOutIdle: ErrorReport = {
  code: "auth.signed_out_idle",
  message: "Ana was signed out after 30 minutes without using the till: sign in again",
  what: null,
  field: null,
  detail: { minutes: 30 },
  retryable: false,
};

const engine = {
  overview: overview({ signedIn: ANA }),
  /** What stops the till opening its data at start (null: it opened). */
  startup: null as StartupProblem | null,
  /** The engine signed Ana out: actions are refused until someone signs in. */
  signedOut: false,
  calls: [] as string[],
};

function visit(): Outcome {
  return { event_id: "evt-1", kind: "visit", duplicate: false, deltas: [], lines: [], messages: [], counter: [], customer: ada };
}

beforeAll(() => {
  globalThis.requestAnimationFrame ??= (run) => setTimeout(() => run(0), 0) as unknown as number;
  mockIPC(
    (cmd, args) => {
      engine.calls.push(cmd);
      switch (cmd) {
        case "startup_problem":
          return engine.startup;
        case "recovery_retry":
          return engine.startup;
        case "recovery_set_aside":
          // An empty till: nobody set up, the first-run screen.
          engine.startup = null;
          engine.overview = tillOverview();
          return null;
        case "till_state":
          return engine.overview;
        case "sync_status":
          return syncStatus();
        case "cameras":
          return { cameras: [], setting: null, now: { state: "unavailable", detail: "", retry: false }, replay: false } satisfies CameraOverview;
        case "sale_sheet":
          return { items: [], offers: [] };
        case "find_customers":
          return [ada];
        case "customer":
          return ada;
        case "record_visit":
          if (engine.signedOut) throw signedOutIdle;
          return visit();
        case "sign_in": {
          const { staff } = (args as { request: SignIn }).request;
          const who = [ANA, BO].find((m) => m.id === staff) ?? null;
          engine.signedOut = false;
          engine.overview = overview({ signedIn: who });
          return who && { staff: who.id, name: who.name, role: who.role };
        }
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
});

afterAll(() => {
  clearMocks();
  till.overview = null;
});

beforeEach(async () => {
  locale.set("en");
  engine.overview = overview({ signedIn: ANA });
  engine.startup = null;
  engine.signedOut = false;
  engine.calls = [];
  await till.refresh();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

async function key(k: string): Promise<void> {
  await fireEvent.keyDown(document.body, { key: k });
}

function amount(): string | null | undefined {
  return screen.getByTestId("amount").querySelector(".value")?.textContent;
}

/** The app on the barista screen, Ada at the counter, 4 keyed. */
async function adaAtTheCounter(): Promise<HTMLElement> {
  render(App);
  const barista = await screen.findByTestId("barista");
  await fireEvent.input(screen.getByTestId("lookup"), { target: { value: "Ada" } });
  await fireEvent.click(await screen.findByTestId("lookup-result", {}, { timeout: 2000 }));
  await settle();
  expect(screen.getByTestId("customer-name").textContent).toBe("Ada");
  (document.activeElement as HTMLElement | null)?.blur();
  await key("4");
  expect(amount()).toBe("4");
  return barista;
}

/** The engine signs Ana out for leaving the till unused. */
function idleSignOut(): void {
  engine.signedOut = true;
  engine.overview = overview({ signedIn: null, idle: "Ana" });
}

/** Bo signs in on the sign-in screen's keypad. */
async function boSignsIn(): Promise<void> {
  await fireEvent.click(screen.getAllByTestId("staff-member").find((b) => b.textContent?.includes("Bo"))!);
  for (const digit of PIN) await key(digit);
  await key("Enter");
  await vi.waitFor(() => expect(screen.queryByTestId("sign-in")).toBeNull());
}

describe("an idle sign-out", () => {
  it("keeps the sale in progress for whoever signs in next", async () => {
    const barista = await adaAtTheCounter();

    // The till's look at the sign-in's end finds Ana signed out.
    idleSignOut();
    await act(() => till.refresh());
    expect(screen.getByTestId("sign-in")).toBeTruthy();
    expect(screen.getByTestId("signed-out-idle").textContent).toBe("Ana was signed out: the till was not used for a while.");
    expect(screen.getByTestId("signed-out-idle").getAttribute("role")).toBe("status");
    expect(screen.queryByRole("alert")).toBeNull();

    // The barista screen waits underneath: the same one, out of view and of reach, and not
    // what an end-to-end test waiting for the barista screen finds.
    expect(document.querySelector("main.barista")).toBe(barista);
    expect(screen.queryByTestId("barista")).toBeNull();
    expect(barista.hidden).toBe(true);
    expect(barista.inert).toBe(true);
    expect(screen.queryByTestId("camera")).toBeNull();
    expect(document.querySelector(".app")?.getAttribute("data-screen")).toBe("sign-in");

    // The PIN's digits are the sign-in's, not the amount's.
    await boSignsIn();
    expect(engine.calls).toContain("sign_in");
    expect(barista.hidden).toBe(false);
    expect(screen.getByTestId("barista")).toBe(barista);
    expect(screen.getByTestId("customer-name").textContent).toBe("Ada");
    expect(amount()).toBe("4");
    expect(screen.getByTestId("signed-in").textContent).toContain("Bo");

    // And the sale goes on: Enter records Ada's 4.
    await key("Enter");
    await settle();
    expect(engine.calls).toContain("record_visit");
    expect(screen.getByTestId("outcome")).toBeTruthy();
  });

  it("is seen at once when an action is refused because of it", async () => {
    await adaAtTheCounter();
    idleSignOut();
    const asked = engine.calls.filter((c) => c === "till_state").length;
    await key("Enter");
    await vi.waitFor(() => expect(screen.getByTestId("sign-in")).toBeTruthy());
    expect(engine.calls.filter((c) => c === "till_state").length).toBe(asked + 1);
    expect(screen.getByTestId("signed-out-idle").textContent).toContain("Ana");

    await boSignsIn();
    expect(screen.getByTestId("customer-name").textContent).toBe("Ada");
    expect(amount()).toBe("4");
    // Ana's refused Enter is old news for Bo: the visit is still to record.
    expect(screen.queryByTestId("refusal")).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>("record").disabled).toBe(false);
  });

  it("says so in the screen's language", async () => {
    await adaAtTheCounter();
    idleSignOut();
    await act(() => till.refresh());
    for (const [language, words] of [
      ["pl", "Wylogowano (Ana): kasa przez dłuższą chwilę nie była używana."],
      ["fr", "Déconnexion (Ana) : la caisse n'a pas été utilisée pendant un moment."],
      ["ru", "Выполнен выход (Ana): касса долго не использовалась."],
    ] as const) {
      locale.set(language);
      await settle();
      expect(screen.getByTestId("signed-out-idle").textContent).toBe(words);
    }
  });
});

describe("a till that cannot open its data at start", () => {
  /** The till's start, counted; it asks for the overview, as the real one does after subscribing. */
  function countStarts() {
    return vi.spyOn(till, "start").mockImplementation(() => till.refresh());
  }

  it("shows the recovery screen in place of the app, and starts as usual once the till is open", async () => {
    const start = countStarts();
    engine.calls = [];
    try {
      engine.startup = problem("disk_full", { can_set_aside: false });
      render(App);
      const recovery = await screen.findByTestId("recovery");
      expect(recovery.getAttribute("data-kind")).toBe("disk_full");
      expect(document.querySelector(".app")?.getAttribute("data-screen")).toBe("recovery");
      // Nothing of the app behind it: no status bar, no settings, no barista screen, no start.
      expect(screen.queryByTestId("status-bar")).toBeNull();
      expect(screen.queryByTestId("barista")).toBeNull();
      expect(start).not.toHaveBeenCalled();
      expect(engine.calls).toEqual(["startup_problem"]);

      // Space freed, but still not open: the screen stays, with what stops it now.
      engine.startup = problem("read_only", { can_set_aside: false });
      await fireEvent.click(screen.getByTestId("recovery-retry"));
      await settle();
      expect(screen.getByTestId("recovery").getAttribute("data-kind")).toBe("read_only");
      expect(screen.getByTestId("recovery-failed").getAttribute("data-why")).toBe("still-not-open");
      expect(start).not.toHaveBeenCalled();

      // Fixed: the till opens and the app starts as usual.
      engine.startup = null;
      await fireEvent.click(screen.getByTestId("recovery-retry"));
      expect(await screen.findByTestId("barista")).toBeTruthy();
      expect(screen.queryByTestId("recovery")).toBeNull();
      expect(screen.getByTestId("status-bar")).toBeTruthy();
      expect(start).toHaveBeenCalledTimes(1);
      await settle();
    } finally {
      start.mockRestore();
    }
  });

  it("lands on the first-run screen once the damaged file is set aside", async () => {
    const start = countStarts();
    try {
      engine.startup = problem("not_a_database");
      render(App);
      await fireEvent.click(await screen.findByTestId("recovery-set-aside"));
      await fireEvent.click(screen.getByTestId("recovery-confirm-yes"));
      expect(await screen.findByTestId("first-run")).toBeTruthy();
      expect(engine.calls).toContain("recovery_set_aside");
      expect(start).toHaveBeenCalledTimes(1);
      await settle();
    } finally {
      start.mockRestore();
    }
  });

  it("goes on to the normal start when the till opened", async () => {
    const start = countStarts();
    engine.calls = [];
    try {
      render(App);
      expect(await screen.findByTestId("barista")).toBeTruthy();
      expect(engine.calls[0]).toBe("startup_problem");
      expect(start).toHaveBeenCalledTimes(1);
      expect(screen.queryByTestId("recovery")).toBeNull();
      await settle();
    } finally {
      start.mockRestore();
    }
  });
});
