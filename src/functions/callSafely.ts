import { InvalidArgumentError } from "../engine/errors";
import { cellError } from "./cellError";
import { FUNCTIONS_NAMESPACE } from "./functionsNamespace";

/**
 * Runs the body of custom function `name` so that whatever goes wrong reaches the cell as an
 * Excel error with a message, never as an unhandled exception (which Excel shows as a bare
 * #VALUE! with no reason, and which would abort the shared runtime's batch).
 */
export function callSafely<T>(name: string, body: () => T): T {
  try {
    return body();
  } catch (err) {
    if (err instanceof CustomFunctions.Error) throw err;
    // The engine's InvalidArgumentError messages are written for the officer: pass them on as they are.
    if (err instanceof InvalidArgumentError) throw cellError("invalidValue", err.message);
    // Anything else is our bug; the cell says so rather than hiding it.
    const detail = err instanceof Error ? err.message : String(err);
    throw cellError("invalidValue", `${FUNCTIONS_NAMESPACE}.${name} could not compute this: ${detail}`);
  }
}
