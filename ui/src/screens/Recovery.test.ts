// The recovery screen laid out over its controller on fakes: what it says
// for each kind of problem, what it offers, the question before the damaged
// file is set aside or a backup restored, and what it says when an attempt
// did not open the till.
import { act, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ProblemKind, StartupProblem } from "../lib/bindings";
import { formatMoment } from "../lib/dates";
import { Catalogue, LANGUAGES } from "../lib/i18n";
import { locale } from "../lib/locale.svelte";
import { formatSize } from "../lib/sizes";
import { later, problem, refusal, testRecovery } from "../test/recovery";
import Recovery from "./Recovery.svelte";

const KINDS: readonly ProblemKind[] = ["not_a_database", "damaged", "read_only", "disk_full", "too_new", "other"];

function show(start: StartupProblem = problem("damaged")) {
  const t = testRecovery(start);
  render(Recovery, { problem: start, onopened: () => {}, controller: t.controller });
  return t;
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

beforeEach(() => locale.set("en"));
afterEach(() => locale.set("en"));

describe("the recovery screen", () => {
  it("says what happened, in words of its own for each kind", () => {
    const said = new Set<string>();
    for (const kind of KINDS) {
      const { unmount } = render(Recovery, { problem: problem(kind), onopened: () => {}, controller: testRecovery(problem(kind)).controller });
      const sentence = screen.getByTestId("recovery-kind").textContent ?? "";
      expect(sentence.startsWith("ui-"), kind).toBe(false);
      said.add(sentence);
      expect(screen.getByTestId("recovery").getAttribute("data-kind")).toBe(kind);
      unmount();
    }
    expect(said.size).toBe(KINDS.length);
  });

  it("shows the file, the backups with their date and size, and the details folded away", () => {
    const start = problem("damaged");
    show(start);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("The till cannot open its data");
    expect(screen.getByTestId("recovery-db").textContent).toBe(start.db);
    const rows = screen.getAllByTestId("recovery-backup");
    expect(rows).toHaveLength(2);
    const first = start.backups[0]!;
    expect(rows[0]!.textContent).toContain(formatMoment(first.modified, "en"));
    expect(rows[0]!.textContent).toContain(formatSize(first.bytes, "en"));
    expect(within(rows[0]!).getByTestId("recovery-restore").getAttribute("aria-label")).toContain(formatMoment(first.modified, "en"));
    expect(screen.getByText("2 backups found.")).toBeTruthy();
    const details = screen.getByTestId<HTMLDetailsElement>("recovery-details");
    expect(details.open).toBe(false);
    expect(details.textContent).toContain(start.detail);
    expect(screen.getByTestId("recovery-set-aside")).toBeTruthy();
    expect(screen.queryByTestId("recovery-only-retry")).toBeNull();
    // Enter at once tries again: the way out that changes nothing.
    expect(document.activeElement).toBe(screen.getByTestId("recovery-retry"));
  });

  it("offers only trying again where nothing can be written beside the file", () => {
    show(problem("disk_full", { can_set_aside: false }));
    expect(screen.getByTestId("recovery-retry")).toBeTruthy();
    expect(screen.queryByTestId("recovery-set-aside")).toBeNull();
    expect(screen.queryAllByTestId("recovery-restore")).toEqual([]);
    expect(screen.getByTestId("recovery-only-retry")).toBeTruthy();
  });

  it("says when no backup was found", () => {
    show(problem("not_a_database", { backups: [] }));
    expect(screen.getByTestId("recovery-no-backups")).toBeTruthy();
    expect(screen.getByTestId("recovery-set-aside")).toBeTruthy();
  });

  it("asks before setting the file aside; Escape keeps it, Enter sets it aside", async () => {
    const t = show();
    t.api.recoverySetAside.mockResolvedValue(null);
    await fireEvent.click(screen.getByTestId("recovery-set-aside"));
    const dialog = screen.getByTestId("recovery-confirm");
    expect(dialog.getAttribute("role")).toBe("alertdialog");
    expect(dialog.textContent).toContain("Set the damaged file aside and start with an empty till?");
    expect(dialog.textContent).toContain("join the shop again");
    await fireEvent.keyDown(window, { key: "Escape" });
    expect(screen.queryByTestId("recovery-confirm")).toBeNull();
    expect(t.api.recoverySetAside).not.toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId("recovery-set-aside"));
    (document.activeElement as HTMLElement | null)?.blur();
    await fireEvent.keyDown(window, { key: "Enter" });
    await settle();
    expect(t.api.recoverySetAside).toHaveBeenCalledTimes(1);
    expect(t.onOpened).toHaveBeenCalledTimes(1);
  });

  it("asks before restoring, naming the backup's date, and restores that one", async () => {
    const start = problem("damaged");
    const t = show(start);
    const older = start.backups[1]!;
    t.api.recoveryRestore.mockResolvedValue(null);
    await fireEvent.click(within(screen.getAllByTestId("recovery-backup")[1]!).getByTestId("recovery-restore"));
    expect(screen.getByTestId("recovery-confirm").textContent).toContain(`Restore the backup of ${formatMoment(older.modified, "en")}?`);
    await fireEvent.click(screen.getByTestId("recovery-confirm-yes"));
    await settle();
    expect(t.api.recoveryRestore).toHaveBeenCalledWith(older.path);
    expect(t.onOpened).toHaveBeenCalledTimes(1);
  });

  it("waits while an attempt is with the engine, then says it did not work and what stops the till now", async () => {
    const t = show(problem("disk_full", { can_set_aside: false }));
    const answer = later<StartupProblem | null>();
    t.api.recoveryRetry.mockReturnValue(answer.promise);
    await fireEvent.click(screen.getByTestId("recovery-retry"));
    const retry = screen.getByTestId<HTMLButtonElement>("recovery-retry");
    expect(retry.disabled).toBe(true);
    expect(retry.textContent?.trim()).toBe("Please wait…");
    expect(screen.getByTestId("recovery").getAttribute("aria-busy")).toBe("true");
    answer.settle(problem("read_only", { can_set_aside: false }));
    await settle();
    expect(retry.disabled).toBe(false);
    expect(screen.getByTestId("recovery").getAttribute("data-kind")).toBe("read_only");
    const failed = screen.getByTestId("recovery-failed");
    expect(failed.getAttribute("role")).toBe("alert");
    expect(failed.getAttribute("data-why")).toBe("still-not-open");
    expect(failed.textContent).toBe("Trying again did not open the till. What stops it now is said above.");
  });

  it("says the engine's refusal in the screen's words", async () => {
    const t = show();
    t.api.recoveryRetry.mockRejectedValue(refusal("io"));
    await fireEvent.click(screen.getByTestId("recovery-retry"));
    await settle();
    const failed = screen.getByTestId("recovery-failed");
    expect(failed.getAttribute("data-why")).toBe("io");
    expect(failed.textContent).toBe("Trying again did not open the till. A file could not be read or written.");
    expect(failed.textContent).not.toContain("English words");
  });

  it("has no English word in the other languages", async () => {
    const start = problem("too_new");
    const t = show(start);
    t.api.recoveryRetry.mockResolvedValue(start);
    await fireEvent.click(screen.getByTestId("recovery-retry"));
    await settle();
    const english = screen.getByTestId("recovery").textContent ?? "";
    for (const language of LANGUAGES.filter((l) => l !== "en")) {
      locale.set(language);
      await settle();
      const text = screen.getByTestId("recovery").textContent ?? "";
      expect(text, language).not.toContain("ui-recovery");
      for (const words of ["backup", "Try again", "The till", "empty", "support"]) {
        expect(text, `${language}: ${words}`).not.toContain(words);
      }
      expect(text).not.toBe(english);
    }
  });
});

describe("the backups found", () => {
  it("are counted in each language's plural forms", () => {
    const found = (language: (typeof LANGUAGES)[number], count: number) =>
      new Catalogue(language).render({ id: "ui-recovery-backups-found", args: { count: { number: count } } });
    expect([1, 2].map((n) => found("en", n))).toEqual(["1 backup found.", "2 backups found."]);
    expect([1, 3].map((n) => found("fr", n))).toEqual(["1 sauvegarde trouvée.", "3 sauvegardes trouvées."]);
    expect([1, 2, 5, 22].map((n) => found("pl", n))).toEqual([
      "Znaleziono 1 kopię zapasową.",
      "Znaleziono 2 kopie zapasowe.",
      "Znaleziono 5 kopii zapasowych.",
      "Znaleziono 22 kopie zapasowe.",
    ]);
    expect([1, 3, 5, 21].map((n) => found("ru", n))).toEqual([
      "Найдена 1 резервная копия.",
      "Найдены 3 резервные копии.",
      "Найдено 5 резервных копий.",
      "Найдена 21 резервная копия.",
    ]);
  });
});
