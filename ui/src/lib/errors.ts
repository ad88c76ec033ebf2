// An error in the screen's language: the engine's own message when it sends
// one (refusals, sign-in), otherwise the screen's words for its code, or for
// the field at fault. Never the English `message`, never a raw code.
import type { ErrorReport } from "./bindings";
import type { Catalogue } from "./i18n";

/** The catalogue id for an error code: `card.forged` → `ui-error-card-forged`. */
export function errorId(code: string): string {
  return `ui-error-${code.replace(/[._]/g, "-")}`;
}

export function describeError(error: ErrorReport, catalogue: Catalogue): string {
  if (error.what) return catalogue.render(error.what);
  if (error.code === "invalid_input" && error.field) {
    const fieldId = `ui-error-invalid-${error.field.replace(/[._]/g, "-")}`;
    const text = catalogue.render({ id: fieldId });
    if (text !== fieldId) return text;
  }
  const text = catalogue.render({ id: errorId(error.code) });
  return text === errorId(error.code) ? catalogue.render({ id: "ui-error-unknown" }) : text;
}
