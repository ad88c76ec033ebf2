// The engine's messages in the screen's language, from the same Fluent
// catalogues the command line uses (locales/*.ftl). A message is an id and
// typed arguments (bindings.ts `Message`); the screen never builds sentences.
import { FluentBundle, FluentNumber, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Arg, Language, Message } from "./bindings";
import { formatDate } from "./dates";
import { formatMoney } from "./money";
import en from "../../../locales/en.ftl?raw";
import fr from "../../../locales/fr.ftl?raw";
import pl from "../../../locales/pl.ftl?raw";
import ru from "../../../locales/ru.ftl?raw";

const SOURCES: Readonly<Record<Language, string>> = { en, pl, fr, ru };

/** Every language the catalogues hold. */
export const LANGUAGES: readonly Language[] = ["en", "pl", "fr", "ru"];

function bundleOf(language: Language): FluentBundle {
  // Isolation marks would show as noise around names and amounts; the
  // engine renders without them, and the two must read the same.
  const bundle = new FluentBundle(language, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(SOURCES[language]));
  if (errors.length > 0) console.warn(`the ${language} catalogue has errors`, errors);
  return bundle;
}

/** One language's catalogue, falling back to English for a missing message. */
export class Catalogue {
  readonly language: Language;
  private readonly bundle: FluentBundle;
  private readonly fallback: Catalogue | undefined;

  constructor(language: Language) {
    this.language = language;
    this.bundle = bundleOf(language);
    this.fallback = language === "en" ? undefined : new Catalogue("en");
  }

  /** True when this language has the message itself. */
  has(id: string): boolean {
    return this.bundle.hasMessage(id);
  }

  /** The message in words. An id no catalogue has is shown as the id. */
  render(message: Message): string {
    const pattern = this.bundle.getMessage(message.id)?.value;
    if (!pattern) return this.fallback ? this.fallback.render(message) : message.id;
    const args: Record<string, FluentVariable> = {};
    for (const [name, arg] of Object.entries(message.args ?? {})) {
      args[name] = this.value(arg);
    }
    const errors: Error[] = [];
    const text = this.bundle.formatPattern(pattern, args, errors);
    if (errors.length > 0) console.warn(`message ${message.id} did not render cleanly`, errors);
    return text;
  }

  private value(arg: Arg): FluentVariable {
    if ("number" in arg) {
      // Counts pick the plural form; written without grouping, as the engine does.
      return new FluentNumber(arg.number, { useGrouping: false });
    }
    if ("text" in arg) return arg.text;
    if ("money" in arg) return formatMoney(arg.money.minor, arg.money.currency, this.language);
    if ("date" in arg) return formatDate(arg.date, this.language);
    return this.render(arg.message);
  }
}
