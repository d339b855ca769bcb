import { CostSharingError } from "../engine/errors";

/**
 * A mistake in how the command was called or in the files it was given (a missing input, an
 * output folder that does not exist, an unknown option): the CLI prints its message on one line
 * and exits with 2, never with a stack.
 */
export class UserError extends CostSharingError {}
