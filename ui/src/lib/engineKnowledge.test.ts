// The engine decides; the screens show its answers (ui/ARCHITECTURE.md,
// "Engine knowledge in ui/" and "Deciding on words"). This reads every screen
// source and fails on a copy of what the engine knows: a role compared to
// decide what someone may do (the engine answers `TillOverview.permissions`),
// a card or pairing code told by its prefix (the scanner says `card` and
// `pairing`), a message id deciding what to show (the outcome's `counter`
// lines), a hand-typed field limit (`LIMITS`) or a list the bindings export.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..");

/** The screens' own sources: not the generated bindings, tests or fixtures. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "test" ? [] : sources(path);
    if (!/\.(svelte|ts)$/.test(name) || name.endsWith(".test.ts") || name === "bindings.ts") return [];
    return [path];
  });
}

/** The source without its comments (which may name what they no longer test). */
function code(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\w\\])\/\/.*$/gm, "$1");
}

const ROLE = String.raw`["'\`](?:manager|barista)["'\`]`;
/** `==`, `===`, `!=`, `!==`, whole. */
const COMPARE = String.raw`(?<![!=<>])[!=]==?(?!=)`;

/** What copies the engine's knowledge, and why it is not the screens' to know. */
const RULES: ReadonlyArray<{ why: string; pattern: RegExp }> = [
  // Roles: `role === …`, `o.signed_in?.role !== …`, `… === x.role`, `=== "manager"`, `case "barista":`.
  { why: "compares a role (ask till.may(permission))", pattern: new RegExp(String.raw`\brole\s*${COMPARE}`) },
  { why: "compares a role (ask till.may(permission))", pattern: new RegExp(String.raw`${COMPARE}\s*[\w$.?]*\brole\b(?!\s*[(\w])`) },
  {
    why: "compares a role name (ask till.may(permission))",
    // A route of App.svelte may share a role's name (`screen`): that is no role.
    pattern: new RegExp(String.raw`(?:(?<!\bscreen\s*)${COMPARE}\s*${ROLE}|${ROLE}\s*${COMPARE}(?!\s*screen\b)|\bcase\s+${ROLE}\s*:)`),
  },
  // Card and pairing codes: the scanner's notice says which it read.
  { why: "tests a card code's prefix (the scan notice's `card`)", pattern: /["'`]CP1\./ },
  { why: "tests a pairing code's prefix (the `pairing` scan notice)", pattern: /["'`]counterpart-pair:/ },
  // Message ids: what a message says is the engine's; which lines show is its `counter`.
  { why: "compares a message id", pattern: /\.id\s*[!=]==?\s*["'`]/ },
  { why: "compares a message id", pattern: /["'`][\w.-]*["'`]\s*[!=]==?\s*[\w$.?]*\.id\b/ },
  { why: "switches on an id", pattern: /\bswitch\s*\(\s*[\w$.?]*\.id\s*\)/ },
  { why: "keeps a set of message ids", pattern: /new\s+Set\s*(?:<[^>]*>)?\(\s*\[\s*["'`][a-z][a-z0-9]*(?:-[a-z0-9]+)*["'`]/ },
  { why: "keeps a set of message ids", pattern: /\bRECORD_ONLY\b/ },
  { why: "tests a message's id against a list", pattern: /\.(?:has|includes)\(\s*(?:m|msg|message|line)\.id\s*\)/ },
  // Balances: the engine says each one's kind and a stamp card's progress.
  {
    why: "tells a balance by its account's name (the balance's `kind`)",
    pattern: new RegExp(String.raw`\.account\s*${COMPARE}\s*["'\`]|\.account\.startsWith\(`),
  },
  // Limits and lists the bindings export.
  { why: "types a field's limit by hand (LIMITS)", pattern: /\bmaxlength\s*=\s*(?:["']\s*\d|\{\s*\d)/i },
  { why: "copies the undo window (UNDO_WINDOW_MS)", pattern: /\bUNDO_MS\b|\b2\s*\*\s*60\s*\*\s*1000\b/ },
  { why: "copies the currencies (CURRENCIES)", pattern: /["'][A-Z]{3}["']\s*,\s*["'][A-Z]{3}["']\s*,\s*["'][A-Z]{3}["']/ },
  { why: "copies the camera resolutions (CAMERA_RESOLUTIONS)", pattern: /\[\s*(?:640|1280|1920)\s*,\s*(?:480|720|1080)\s*\]/ },
];

/** Each line of `text` that copies the engine's knowledge, with why. */
export function engineKnowledge(text: string): string[] {
  const found: string[] = [];
  code(text)
    .split("\n")
    .forEach((line, i) => {
      const whys = new Set(RULES.filter((rule) => rule.pattern.test(line)).map((rule) => rule.why));
      for (const why of whys) found.push(`${i + 1}: ${why}: ${line.trim()}`);
    });
  return found;
}

describe("the engine's knowledge stays the engine's", () => {
  it("is copied nowhere in the screens", () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(30);
    const found = files.flatMap((file) =>
      engineKnowledge(readFileSync(file, "utf8")).map((hit) => `${relative(SRC, file)}:${hit}`),
    );
    expect(found).toEqual([]);
  });

  // What the screens did before the engine told them (each line as it was).
  it.each([
    ["a manager told by role", `return !!o && (o.staff.runs_open || o.signed_in?.role === "manager");`],
    ["a role, the other way round", `if ("barista" !== member.role) return;`],
    ["a role name in a switch", `case "manager":`],
    ["a card code by its prefix", `if (notice.kind === "refused" && notice.code.startsWith("CP1.")) card = notice.code;`],
    ["a pairing QR by its prefix", `if (notice.kind === "refused" && notice.code.startsWith("counterpart-pair:")) code = notice.code;`],
    ["the record-only lines by id", `const RECORD_ONLY = new Set(["enrolled", "card-code", "voided"]);`],
    ["a message by its id", `.filter((m) => m.id !== "card-code")`],
    ["a message id in a set", `.filter((m) => !hidden.has(m.id))`],
    ["a hand-typed limit", `<input name="name" bind:value={name} maxlength="80" autocomplete="off" />`],
    ["a hand-typed limit in braces", `<input maxlength={40} />`],
    ["the undo window", `export const UNDO_MS = 2 * 60 * 1000;`],
    ["the currencies", `const CURRENCIES = ["USD", "EUR", "GBP", "PLN"];`],
    ["cashback by its account", `customer.balances.find((b) => b.account === "cashback")`],
    ["a stamp card by its account", `if (!line.account.startsWith("stamps:") || !have || !of) return null;`],
    ["the resolutions", `const RESOLUTIONS = [null, [640, 480], [1280, 720], [1920, 1080]];`],
  ])("catches %s", (_, line) => {
    expect(engineKnowledge(line)).not.toEqual([]);
  });

  it.each([
    ["a route named like a role", `if (screen === "barista") return;`],
    ["a role's words", "<small>{locale.t(`ui-role-${member.role}`)}</small>"],
    ["the picked member", `class:chosen={chosen?.id === member.id}`],
    ["an id compared to a variable", `if (!list.some((e) => e.id === example)) example = list[0]?.id ?? "";`],
    ["a customer's id", `if (this.customer?.id !== summary.id) void this.#loadSheet({ customer: summary.id });`],
    ["the engine's card field", `if (notice.kind === "refused" && notice.card !== null) card = notice.card;`],
    ["a limit from the bindings", `<input maxlength={LIMITS.customer_name} />`],
    ["the permissions", `{#if till.may("maintain") || till.may("pair")}`],
    ["an address in a string", `<input placeholder="https://" />`],
    ["a comment naming the old way", `// the code was tested for "CP1." before the engine said so`],
    ["a balance's kind", `customer.balances.find((b) => b.kind === "cashback")`],
    ["a balance keyed by its account", `{#each customer.balances as line (line.account)}`],
    ["a dialog's kind", `if (this.dialog.kind === "none") return;`],
  ])("lets %s be", (_, line) => {
    expect(engineKnowledge(line)).toEqual([]);
  });
});
