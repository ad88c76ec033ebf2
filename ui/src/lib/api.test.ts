// The commands' one wrapper tells every refusal to whoever listens (the till
// looks again at who is signed in), and its caller still gets the refusal.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ErrorReport } from "./bindings";

const invoke = vi.hoisted(() => vi.fn<(command: string, args?: unknown) => Promise<unknown>>());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

const { api, onRefusal } = await import("./api");

const signedOut: ErrorReport = {
  code: "auth.signed_out_idle",
  message: "Ana was signed out after 30 minutes without using the till: sign in again",
  what: null,
  field: null,
  detail: { minutes: 30 },
  retryable: false,
};

afterEach(() => invoke.mockReset());

describe("onRefusal", () => {
  it("hears each refusal with its command, before the caller gets it", async () => {
    const heard: [string, string][] = [];
    const stop = onRefusal((error, command) => heard.push([error.code, command]));
    invoke.mockRejectedValueOnce(signedOut);
    await expect(api.recordVisit({ customer: { customer: "c1" }, amount: "4", items: [], key: "k" })).rejects.toEqual(signedOut);
    expect(heard).toEqual([["auth.signed_out_idle", "record_visit"]]);

    // A failure that is no ErrorReport is heard as the `io` error the caller gets.
    invoke.mockRejectedValueOnce("the IPC broke");
    await expect(api.tillState()).rejects.toMatchObject({ code: "io" });
    expect(heard.at(-1)).toEqual(["io", "till_state"]);

    stop();
    invoke.mockRejectedValueOnce(signedOut);
    await expect(api.signOut()).rejects.toEqual(signedOut);
    expect(heard).toHaveLength(2);
  });

  it("hears nothing of an answer", async () => {
    const listener = vi.fn();
    const stop = onRefusal(listener);
    invoke.mockResolvedValueOnce({ barista_minutes: 20, manager_minutes: 5 });
    await expect(api.setSignInIdle({ barista_minutes: 20, manager_minutes: 5 })).resolves.toEqual({
      barista_minutes: 20,
      manager_minutes: 5,
    });
    expect(invoke).toHaveBeenCalledWith("set_sign_in_idle", { request: { barista_minutes: 20, manager_minutes: 5 } });
    expect(listener).not.toHaveBeenCalled();
    stop();
  });
});
