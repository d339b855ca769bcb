/**
 * Programming errors: misuse of the engine's API, never bad user data (that is a Problem value).
 * Each kind is a named subclass so callers and tests can tell them apart.
 */
export class CostSharingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An argument that breaks a function's documented contract (e.g. a non-integer money amount). */
export class InvalidArgumentError extends CostSharingError {}

/** A state the code believes cannot happen; reaching it is a bug. */
export class InvariantError extends CostSharingError {}
