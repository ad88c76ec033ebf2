// The screens' words: every `ui-…` id the components use is in every
// catalogue, every error code has words, and an error is told in the screen's
// language, never as the engine's English or a raw code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, EVENT_KINDS, type CameraState, type ErrorCode, type ErrorReport } from "./bindings";
import { describeError, errorId } from "./errors";
import { Catalogue, LANGUAGES } from "./i18n";
import { maskPhone } from "./phone";

const SRC = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

const codes: readonly ErrorCode[] = ERROR_CODES;

/** Every state the engine gives the camera (a new one fails to compile until it is here). */
const CAMERA_STATES = Object.keys({ starting: 1, running: 1, unavailable: 1, ended: 1 } satisfies Record<CameraState, 1>);

function report(code: ErrorCode, field: string | null = null): ErrorReport {
  return { code, message: "English words", what: null, field, detail: null, retryable: false };
}

describe("the screens' words", () => {
  it("has every id the components use, in every language", () => {
    const ids = new Set<string>();
    for (const file of sources(SRC)) {
      for (const m of readFileSync(file, "utf8").matchAll(/"(ui-[a-z0-9-]+)"/g)) ids.add(m[1] as string);
    }
    // Ids built from states and roles.
    // The camera view says "waiting" for a running camera's first picture.
    for (const s of CAMERA_STATES) ids.add(`ui-camera-${s === "running" ? "waiting" : s}`);
    for (const s of CAMERA_STATES) ids.add(`ui-status-camera-${s}`);
    for (const r of ["barista", "manager"]) ids.add(`ui-role-${r}`);
    // Every kind of event the engine can name (the refused events' list).
    for (const kind of EVENT_KINDS) ids.add(`ui-event-${kind}`);
    expect(ids.size).toBeGreaterThan(60);
    for (const language of LANGUAGES) {
      const catalogue = new Catalogue(language);
      const missing = [...ids].filter((id) => !catalogue.has(id));
      expect(missing, language).toEqual([]);
    }
  });

  it("tells every error code in words in every language", () => {
    expect(codes.length).toBeGreaterThan(40);
    for (const language of LANGUAGES) {
      const catalogue = new Catalogue(language);
      const missing = codes.filter((code) => !catalogue.has(errorId(code)));
      expect(missing, language).toEqual([]);
      for (const code of codes) {
        const text = describeError(report(code), catalogue);
        expect(text).not.toContain("English words");
        expect(text.startsWith("ui-")).toBe(false);
        if (/[._]/.test(code)) expect(text).not.toContain(code);
      }
    }
  });

  it("prefers the engine's own message, then the field's words", () => {
    const pl = new Catalogue("pl");
    const wrongPin: ErrorReport = {
      ...report("auth.wrong_pin", "pin"),
      what: { id: "auth-wrong-pin", args: { name: { text: "Mia" }, left: { number: 2 } } },
    };
    expect(describeError(wrongPin, pl)).toContain("Mia");
    // Standing alone on the screen, the engine's message starts as a sentence.
    expect(describeError(wrongPin, pl)).toMatch(/^Zły PIN/);
    // A name in no case of its own: "dla Mia" would need "dla Mii".
    expect(describeError(wrongPin, pl)).toMatch(/^Zły PIN \(Mia\): jeszcze 2 próby/);
    // Without particulars the screen's own words (the engine's point at the command line).
    const noProgram: ErrorReport = { ...report("refused.no_program"), what: { id: "refused-no-program" } };
    expect(describeError(noProgram, pl)).toBe(pl.render({ id: "ui-error-refused-no-program" }));
    expect(describeError(report("invalid_input", "amount"), pl)).toBe(pl.render({ id: "ui-error-invalid-amount" }));
    // A field the screens have no words for falls back to the code's words.
    expect(describeError(report("invalid_input", "close_hour"), pl)).toBe(pl.render({ id: "ui-error-invalid-input" }));
    // A form's own words for a field first (a staff name is unique), then every form's.
    expect(describeError(report("invalid_input", "name"), pl, "staff")).toBe(pl.render({ id: "ui-error-invalid-staff-name" }));
    expect(describeError(report("invalid_input", "name"), pl)).toBe(pl.render({ id: "ui-error-invalid-name" }));
    expect(describeError(report("invalid_input", "amount"), pl, "staff")).toBe(pl.render({ id: "ui-error-invalid-amount" }));
  });

  it("has the staff form's words for every field the engine names in it, in every language", () => {
    for (const language of LANGUAGES) {
      const catalogue = new Catalogue(language);
      for (const field of ["name", "role", "pin", "staff"]) {
        expect(catalogue.has(`ui-error-invalid-staff-${field}`), `${language}: ${field}`).toBe(true);
      }
    }
  });

  it("counts in each language's plural forms", () => {
    const after = (language: (typeof LANGUAGES)[number], points: number) =>
      new Catalogue(language).render({ id: "ui-redeem-after-points", args: { points: { number: points } } });
    expect(after("en", 1)).toBe("Balance after: 1 point");
    expect(after("en", 108)).toBe("Balance after: 108 points");
    expect(after("pl", 2)).toBe("Saldo po wydaniu: 2 punkty");
    expect(after("pl", 5)).toBe("Saldo po wydaniu: 5 punktów");
    expect(after("pl", 22)).toBe("Saldo po wydaniu: 22 punkty");
    expect(after("ru", 21)).toBe("Останется: 21 балл");
    expect(after("ru", 3)).toBe("Останется: 3 балла");
    expect(after("fr", 3)).toBe("Solde après : 3 points");
  });

  it("says what sync still has to send in a barista's words", () => {
    const waiting = (language: (typeof LANGUAGES)[number], count: number) =>
      new Catalogue(language).render({ id: "ui-status-waiting", args: { count: { number: count } } });
    expect(waiting("en", 0)).toBe("all sent");
    expect(waiting("en", 3)).toBe("3 to send");
    expect(waiting("pl", 0)).toBe("wszystko wysłane");
    expect(waiting("pl", 5)).toBe("5 do wysłania");
    expect(waiting("fr", 0)).toBe("tout est envoyé");
    expect(waiting("ru", 0)).toBe("всё отправлено");
    expect(waiting("ru", 21)).toBe("21 к отправке");
  });

  it("names the keys as each language's keyboards do", () => {
    const key = (language: (typeof LANGUAGES)[number], id: string) => new Catalogue(language).render({ id });
    expect(["en", "pl", "fr", "ru"].map((l) => key(l as (typeof LANGUAGES)[number], "ui-key-enter"))).toEqual(["Enter", "Enter", "Entrée", "Ввод"]);
    expect(key("fr", "ui-key-escape")).toBe("Échap");
    expect(new Catalogue("ru").render({ id: "ui-key-function", args: { number: { number: 10 } } })).toBe("F10");
  });

  it("keeps Russian's Cancel and Undo apart, and its consent box in no one's gender", () => {
    const ru = new Catalogue("ru");
    const [cancel, undo] = [ru.render({ id: "ui-cancel" }), ru.render({ id: "ui-undo" })];
    expect(undo.slice(0, 5)).not.toBe(cancel.slice(0, 5));
    expect(ru.render({ id: "ui-enrol-consent" })).not.toMatch(/Согласен/);
  });
});

describe("phones", () => {
  it("shows only the last four digits and the country code", () => {
    expect(maskPhone("+1 555 010 4567")).toBe("+1 ••• ••• 4567");
    expect(maskPhone("0612345678")).toBe("••• ••• 5678");
    expect(maskPhone(null)).toBe("");
    expect(maskPhone("123")).toBe("123");
  });
});
