// Setting up a shop: the example programs are offered in the screen's
// language, each with what it does, as the engine's catalogues say it.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { act, render, screen } from "@testing-library/svelte";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ExampleProgram } from "../../lib/bindings";
import { locale } from "../../lib/locale.svelte";
import SetUpShopForm from "./SetUpShopForm.svelte";

const EXAMPLES: ExampleProgram[] = [
  {
    id: "points-cafe",
    name: { text: "Points Café", translations: { pl: "Kawiarnia z punktami", fr: "Café à points", ru: "Кофейня с баллами" } },
    summary: { id: "example-points-cafe" },
    source: "",
  },
  {
    id: "stamp-cafe",
    name: { text: "Stamp Café" },
    summary: { id: "example-stamp-cafe" },
    source: "",
  },
];

beforeAll(() => {
  mockIPC((cmd) => (cmd === "example_programs" ? EXAMPLES : null));
});

afterAll(() => clearMocks());
afterEach(() => locale.set("en"));

function offered(): string[] {
  return Array.from(document.querySelectorAll("label.example")).map((l) => (l.textContent ?? "").replace(/\s+/g, " ").trim());
}

describe("the example programs", () => {
  it("are named and described in the screen's language", async () => {
    render(SetUpShopForm, { onback: () => {} });
    await vi.waitFor(() => expect(offered()).toHaveLength(2));
    expect(offered()[1]).toBe("Stamp Café A stamp card: buy 9 coffees, the 10th is free.");
    await act(() => locale.set("pl"));
    expect(offered()[0]).toMatch(/^Kawiarnia z punktami Punkty za zakupy/);
    // A program without a Polish name keeps its own; what it does is the catalogue's.
    expect(offered()[1]).toBe("Stamp Café Karta z pieczątkami: przy zakupie 9 kaw dziesiąta gratis.");
    await act(() => locale.set("ru"));
    expect(offered()[0]).toMatch(/^Кофейня с баллами Баллы за покупки/);
    expect(screen.getByRole("radio", { name: /Кофейня с баллами/ })).toBeTruthy();
  });
});
