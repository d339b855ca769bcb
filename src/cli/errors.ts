import { CostSharingError } from "../engine/errors";

/**
 * A mistake in how the command was called or in the files it was given (a missing input, an
 * output folder that does not exist, an unknown option): the CLI prints its message on one line
 * and exits with 2, never with a stack.
 */
export class UserError extends CostSharingError {}

/**
 * The system failed to write an output the user could rightly ask for (a full disk, an I/O
 * error): the CLI prints its message, which names the user's path, and exits with 1.
 */
export class SystemFileError extends CostSharingError {}
