/** Option names in a Scenario cell or the Scenarios setting: separated by ',' or ';' (or a line break). */
const SEPARATOR = /[,;\n]/;

/** The option names of a text, trimmed, blanks left out ("Pilot; Joint secretariat" → two names). */
export function splitScenarioNames(text: string): string[] {
  return text
    .split(SEPARATOR)
    .map((n) => n.trim())
    .filter((n) => n !== "");
}
