// An error in the screen's language: the engine's own message when it carries
// particulars (a refusal's amounts, a PIN's tries left), otherwise the
// screen's words for the field at fault or for its code (written for the
// screen, where the engine's may point at the command line). Never the
// English `message`, never a raw code.
import type { ErrorReport } from "./bindings";
import type { Catalogue } from "./i18n";

/** The catalogue id for an error code: `card.forged` → `ui-error-card-forged`. */
export function errorId(code: string): string {
  return `ui-error-${code.replace(/[._]/g, "-")}`;
}

/**
 * `form`: the form the error answers (`staff`), whose own words for a field
 * (`ui-error-invalid-staff-name`: a staff name is unique, and shorter than a
 * customer's) come before the words every form shares (`ui-error-invalid-name`).
 */
export function describeError(error: ErrorReport, catalogue: Catalogue, form?: string): string {
  const particular = error.what && Object.keys(error.what.args ?? {}).length > 0;
  if (error.what && (particular || !catalogue.has(errorId(error.code)))) {
    return asSentence(catalogue.render(error.what));
  }
  if (error.code === "invalid_input" && error.field) {
    const field = error.field.replace(/[._]/g, "-");
    for (const fieldId of [...(form ? [`ui-error-invalid-${form}-${field}`] : []), `ui-error-invalid-${field}`]) {
      const text = catalogue.render({ id: fieldId });
      if (text !== fieldId) return text;
    }
  }
  const text = catalogue.render({ id: errorId(error.code) });
  return text === errorId(error.code) ? catalogue.render({ id: "ui-error-unknown" }) : text;
}

/** The engine's messages start in lower case (they follow "error:" on the
 * command line); on the screen a message stands alone as a sentence. */
function asSentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
