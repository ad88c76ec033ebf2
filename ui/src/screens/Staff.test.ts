// The manager's staff screen laid out over its controller: against a mocked
// Tauri IPC (the commands' names and requests as the app has them), and over
// a controller on fakes where a test holds the engine's answer back.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_IDLE_MINUTES, type AddStaff, type ErrorReport, type RemoveStaff, type SetPin, type SetRole, type StaffMember, type TillOverview } from "../lib/bindings";
import { locale } from "../lib/locale.svelte";
import { till } from "../lib/till.svelte";
import { invalid, later, member, staffList, testStaff } from "../test/staff";
import { tillOverview } from "../test/overview";
import { managerMay } from "../test/permissions";
import Staff from "./Staff.svelte";

const ADA = member("Ada", "manager");
const BEN = member("Ben", "barista");

type Engine = {
  calls: { cmd: string; request: unknown }[];
  staff: StaffMember[];
  /** The next change's refusal, if the engine is to refuse it. */
  refuse: ErrorReport | null;
};

let engine: Engine;

function overview(): TillOverview {
  return tillOverview({ staff: staffList(...engine.staff), permissions: managerMay() });
}

/** The engine's answer to a change: its refusal, or `answer` once made. */
function change<T>(answer: () => T): T {
  const refused = engine.refuse;
  if (refused) {
    engine.refuse = null;
    throw refused;
  }
  return answer();
}

beforeEach(() => {
  engine = { calls: [], staff: [], refuse: null };
  mockIPC((cmd, args) => {
    const request = (args as { request?: unknown } | undefined)?.request;
    engine.calls.push({ cmd, request });
    switch (cmd) {
      case "staff_list":
        return staffList(...engine.staff);
      case "till_state":
        return overview();
      case "add_staff":
        return change(() => {
          const { name, role } = request as AddStaff;
          const added = member(name, role);
          engine.staff.push(added);
          return added;
        });
      case "set_staff_role":
        return change(() => {
          const { staff, role } = request as SetRole;
          const changed = engine.staff.find((m) => m.id === staff);
          if (changed) changed.role = role;
          return changed;
        });
      case "set_staff_pin":
        return change(() => engine.staff.find((m) => m.id === (request as SetPin).staff));
      case "set_sign_in_idle":
        return change(() => request);
      case "remove_staff":
        return change(() => {
          engine.staff = engine.staff.filter((m) => m.id !== (request as RemoveStaff).staff);
          return null;
        });
      default:
        return null;
    }
  });
});

afterEach(() => {
  clearMocks();
  locale.set("en");
  till.overview = null;
});

/** The screen, once the engine's list is shown. */
async function opened(staff: StaffMember[], onclose = vi.fn()) {
  engine.staff = staff;
  const rendered = render(Staff, { onclose });
  await vi.waitFor(() => expect(engine.calls.some((c) => c.cmd === "staff_list")).toBe(true));
  await screen.findAllByTestId(staff.length > 0 ? "staff-row" : "staff-runs-open");
  return { ...rendered, onclose };
}

const asked = (cmd: string) => engine.calls.filter((c) => c.cmd === cmd).map((c) => c.request);
const row = (name: string) => screen.getAllByTestId("staff-row").find((r) => r.dataset.name === name)!;

async function type(testid: string, value: string) {
  await fireEvent.input(screen.getByTestId(testid), { target: { value } });
}

describe("the list", () => {
  it("shows everyone with their role and what can be done about them", async () => {
    await opened([ADA, BEN]);
    expect(screen.getAllByTestId("staff-row").map((r) => r.dataset.name)).toEqual(["Ada", "Ben"]);
    expect(within(row("Ben")).getByTestId("staff-row-role").textContent).toBe("Barista");
    expect(within(row("Ada")).getByTestId("staff-row-role").textContent).toBe("Manager");
    // Each action names whom it is about.
    expect(screen.getByRole("button", { name: "New PIN (Ben)" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Change role (Ada)" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Remove (Ben)" })).toBeTruthy();
    expect(screen.queryByTestId("staff-runs-open")).toBeNull();
  });

  it("marks whoever is signed in here", async () => {
    till.overview = { ...overview(), signed_in: { staff: ADA.id, name: "Ada", role: "manager" } };
    await opened([ADA, BEN]);
    expect(within(row("Ada")).getByTestId("staff-row-me").textContent).toBe("signed in here");
    expect(within(row("Ben")).queryByTestId("staff-row-me")).toBeNull();
  });

  it("speaks the screen's language", async () => {
    locale.set("pl");
    await opened([ADA, BEN]);
    expect(screen.getByTestId("staff-add").textContent).toBe("Dodaj pracownika");
    expect(within(row("Ada")).getByTestId("staff-row-role").textContent).toBe("Kierownik");
    expect(screen.getByRole("button", { name: "Usuń (Ben)" })).toBeTruthy();
  });
});

describe("adding someone", () => {
  it("adds the first manager while the till runs open, and asks the till again", async () => {
    await opened([]);
    expect(screen.getByTestId("staff-runs-open").textContent).toContain("anyone at this till may do anything");
    await fireEvent.click(screen.getByTestId("staff-add"));
    const dialog = screen.getByTestId("staff-add-dialog");
    expect(within(dialog).getByRole("heading").textContent).toBe("Add staff member");
    // The form offers a manager first; its values are the engine's roles.
    const role = screen.getByTestId<HTMLSelectElement>("staff-role");
    expect(role.value).toBe("manager");
    expect(Array.from(role.options).map((o) => o.value)).toEqual(["barista", "manager"]);
    expect(document.activeElement).toBe(screen.getByTestId("staff-name"));
    await type("staff-name", "Ada");
    await type("staff-pin", "240917");
    await type("staff-pin-again", "240917");
    await fireEvent.click(screen.getByTestId("staff-save"));
    await vi.waitFor(() => expect(screen.queryByTestId("staff-add-dialog")).toBeNull());
    expect(asked("add_staff")).toEqual([{ name: "Ada", role: "manager", pin: "240917" }]);
    await vi.waitFor(() => expect(asked("till_state").length).toBe(1));
    expect(screen.getByTestId("staff-done").textContent).toBe("Ada is on the staff now.");
    await vi.waitFor(() => expect(screen.getAllByTestId("staff-row").map((r) => r.dataset.name)).toEqual(["Ada"]));
    expect(screen.queryByTestId("staff-runs-open")).toBeNull();
  });

  it("shows the engine's refusal under the field it names, and keeps what was typed", async () => {
    await opened([]);
    await fireEvent.click(screen.getByTestId("staff-add"));
    await fireEvent.change(screen.getByTestId("staff-role"), { target: { value: "barista" } });
    await type("staff-name", "Ben");
    await type("staff-pin", "4821");
    await type("staff-pin-again", "4821");
    engine.refuse = invalid("role");
    await fireEvent.click(screen.getByTestId("staff-save"));
    const error = await screen.findByTestId("staff-field-error");
    expect(error.dataset.field).toBe("role");
    expect(error.textContent).toContain("the first staff member is a manager");
    expect(screen.getByTestId("staff-role").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId<HTMLInputElement>("staff-name").value).toBe("Ben");
    expect(screen.getByTestId("staff-add-dialog")).toBeTruthy();
    expect(asked("till_state")).toEqual([]);
  });

  it("says so when the two PINs differ, and sends nothing", async () => {
    await opened([ADA]);
    await fireEvent.click(screen.getByTestId("staff-add"));
    expect(screen.getByTestId<HTMLSelectElement>("staff-role").value).toBe("barista");
    await type("staff-name", "Ben");
    await type("staff-pin", "4821");
    await type("staff-pin-again", "4812");
    await fireEvent.submit(screen.getByTestId("staff-add-dialog"));
    const error = await screen.findByTestId("staff-field-error");
    expect(error.textContent).toBe("The two PINs are not the same.");
    expect(screen.getByTestId("staff-pin-again").getAttribute("aria-invalid")).toBe("true");
    expect(asked("add_staff")).toEqual([]);
  });

  it("keeps the add button waiting while the engine adds", async () => {
    const t = testStaff();
    t.api.staffList.mockResolvedValue(staffList(ADA));
    render(Staff, { onclose: vi.fn(), controller: t.controller });
    await screen.findByTestId("staff-row");
    await fireEvent.click(screen.getByTestId("staff-add"));
    await type("staff-name", "Ben");
    await type("staff-pin", "4821");
    await type("staff-pin-again", "4821");
    const added = later<StaffMember>();
    t.api.addStaff.mockReturnValue(added.promise);
    await fireEvent.click(screen.getByTestId("staff-save"));
    expect(screen.getByTestId<HTMLButtonElement>("staff-save").disabled).toBe(true);
    expect(screen.getByTestId("staff-screen").getAttribute("aria-busy")).toBe("true");
    added.settle(BEN);
    await vi.waitFor(() => expect(screen.queryByTestId("staff-add-dialog")).toBeNull());
  });
});

describe("a role, a PIN, a removal", () => {
  it("promotes a barista with a new PIN", async () => {
    await opened([ADA, BEN]);
    await fireEvent.click(within(row("Ben")).getByTestId("staff-set-role"));
    expect(screen.getByTestId("staff-role-dialog")).toBeTruthy();
    expect(screen.getByTestId<HTMLSelectElement>("staff-role").value).toBe("barista");
    await fireEvent.change(screen.getByTestId("staff-role"), { target: { value: "manager" } });
    await type("staff-pin", "730512");
    await type("staff-pin-again", "730512");
    await fireEvent.click(screen.getByTestId("staff-save"));
    await vi.waitFor(() => expect(screen.queryByTestId("staff-role-dialog")).toBeNull());
    expect(asked("set_staff_role")).toEqual([{ staff: BEN.id, role: "manager", pin: "730512" }]);
    expect(screen.getByTestId("staff-done").textContent).toBe("New role (Ben): Manager.");
  });

  it("says why the last manager stays one", async () => {
    await opened([ADA, BEN]);
    await fireEvent.click(within(row("Ada")).getByTestId("staff-set-role"));
    await fireEvent.change(screen.getByTestId("staff-role"), { target: { value: "barista" } });
    engine.refuse = invalid("role");
    await fireEvent.click(screen.getByTestId("staff-save"));
    expect((await screen.findByTestId("staff-field-error")).textContent).toContain("the only manager stays one");
  });

  it("sets a PIN typed twice", async () => {
    await opened([ADA, BEN]);
    await fireEvent.click(screen.getByRole("button", { name: "New PIN (Ben)" }));
    const dialog = screen.getByRole("dialog", { name: "New PIN (Ben)" });
    expect(document.activeElement).toBe(within(dialog).getByTestId("staff-pin"));
    await type("staff-pin", "5930");
    await type("staff-pin-again", "5930");
    await fireEvent.click(screen.getByTestId("staff-save"));
    await vi.waitFor(() => expect(asked("set_staff_pin")).toEqual([{ staff: BEN.id, pin: "5930" }]));
  });

  it("asks before removing someone, naming them, and removes on Enter", async () => {
    await opened([ADA, BEN]);
    await fireEvent.click(screen.getByRole("button", { name: "Remove (Ben)" }));
    const question = screen.getByRole("alertdialog", { name: "Remove Ben from the staff?" });
    expect(question).toBeTruthy();
    expect(asked("remove_staff")).toEqual([]);
    await fireEvent.keyDown(document.body, { key: "Enter" });
    await vi.waitFor(() => expect(asked("remove_staff")).toEqual([{ staff: BEN.id }]));
    await vi.waitFor(() => expect(screen.getAllByTestId("staff-row").map((r) => r.dataset.name)).toEqual(["Ada"]));
    expect(screen.getByTestId("staff-done").textContent).toBe("Removed from the staff (Ben).");
  });

  it("keeps the last manager, saying why in the question", async () => {
    await opened([ADA, BEN]);
    await fireEvent.click(within(row("Ada")).getByTestId("staff-remove"));
    engine.refuse = invalid("staff");
    await fireEvent.click(screen.getByTestId("staff-remove-confirm"));
    expect((await screen.findByTestId("staff-refusal")).textContent).toBe(
      "The shop's only manager stays on the staff: make someone else a manager first.",
    );
    expect(screen.getByTestId("staff-remove-dialog")).toBeTruthy();
  });
});

describe("Escape", () => {
  it("closes a dialog first, then the screen", async () => {
    const { onclose } = await opened([ADA, BEN]);
    const opener = within(row("Ben")).getByTestId("staff-remove");
    opener.focus();
    await fireEvent.click(opener);
    await fireEvent.keyDown(document.body, { key: "Escape" });
    expect(screen.queryByTestId("staff-remove-dialog")).toBeNull();
    expect(onclose).not.toHaveBeenCalled();
    expect(asked("remove_staff")).toEqual([]);
    // The focus is back where it was.
    expect(document.activeElement).toBe(opener);
    await fireEvent.keyDown(document.body, { key: "Escape" });
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it("is not the screen's while settings cover it", async () => {
    const onclose = vi.fn();
    engine.staff = [ADA];
    render(Staff, { onclose, paused: true });
    await screen.findByTestId("staff-row");
    await fireEvent.keyDown(document.body, { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId("staff-close"));
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});

describe("the idle times", () => {
  it("start from the till's, and are saved for it; the till is asked again", async () => {
    till.overview = overview();
    await opened([ADA, BEN]);
    const barista = screen.getByTestId<HTMLInputElement>("staff-idle-barista");
    const manager = screen.getByTestId<HTMLInputElement>("staff-idle-manager");
    expect([barista.value, manager.value]).toEqual(["30", "10"]);
    // The engine's limit, from the bindings.
    expect(barista.max).toBe(String(MAX_IDLE_MINUTES));
    expect(screen.getByTestId("staff-idle").textContent).toContain("The sale in progress (the customer, the amount) stays");
    expect(screen.queryByTestId("staff-idle-saved")).toBeNull();

    await type("staff-idle-barista", "45");
    await type("staff-idle-manager", "5");
    screen.getByTestId("staff-idle-save").focus();
    await fireEvent.click(screen.getByTestId("staff-idle-save"));
    await screen.findByTestId("staff-idle-saved");
    expect(asked("set_sign_in_idle")).toEqual([{ barista_minutes: 45, manager_minutes: 5 }]);
    expect(screen.getByTestId("staff-idle-saved").textContent).toBe("Saved for this till.");
    await vi.waitFor(() => expect(asked("till_state").length).toBe(1));
    // Said beside its button, not as a change to the staff; the focus stays there.
    expect(screen.getByTestId("staff-done").textContent).toBe("");
    expect(document.activeElement).toBe(screen.getByTestId("staff-idle-save"));
  });

  it("show the engine's refusal under the field it names, with the range from the bindings", async () => {
    till.overview = overview();
    await opened([ADA]);
    await type("staff-idle-manager", "1000");
    engine.refuse = invalid("manager_minutes");
    await fireEvent.submit(screen.getByTestId("staff-idle-save").closest("form")!);
    const error = await screen.findByTestId("staff-field-error");
    expect(error.dataset.field).toBe("manager_minutes");
    expect(error.textContent).toBe(`Give a whole number of minutes from 1 to ${MAX_IDLE_MINUTES}.`);
    expect(screen.getByTestId("staff-idle-manager").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("staff-idle-barista").getAttribute("aria-invalid")).toBe("false");
    expect(screen.queryByTestId("staff-refusal")).toBeNull();
    expect(screen.queryByTestId("staff-idle-saved")).toBeNull();
    expect(asked("till_state")).toEqual([]);
  });

  it("say why when the refusal names no field", async () => {
    till.overview = overview();
    await opened([ADA]);
    engine.refuse = { code: "auth.forbidden", message: "in English", what: null, field: null, detail: null, retryable: false };
    await fireEvent.click(screen.getByTestId("staff-idle-save"));
    expect((await screen.findByTestId("staff-refusal")).textContent).toBe("Only a manager may do this.");
    expect(screen.queryByTestId("staff-field-error")).toBeNull();
  });

  it("speak the screen's language", async () => {
    locale.set("ru");
    till.overview = overview();
    await opened([ADA]);
    expect(screen.getByTestId("staff-idle-save").textContent).toBe("Сохранить");
    expect(screen.getByLabelText("Минуты для управляющего")).toBe(screen.getByTestId("staff-idle-manager"));
  });

  it("are not offered while the till runs open: nobody signs in", async () => {
    await opened([]);
    expect(screen.queryByTestId("staff-idle")).toBeNull();
  });
});
