// The program's names (a reward, a tier, an offer) as a reader of a language
// sees them: the program's word in that language when it gives one, its own
// `name` otherwise (engine/src/program/name.rs, `Name::in_language`).
import type { Language, Name } from "./bindings";

/** `name` in `language`, or the program's own word for it. */
export function nameIn(name: Name, language: Language): string {
  return name.translations?.[language] ?? name.text;
}
