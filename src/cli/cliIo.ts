/** Where the command writes its messages: the process's streams, or a test's buffers. */
export interface CliIo {
  /** Normal output (help, version, "Wrote ..."). */
  out: (text: string) => void;
  /** Problems, warnings and faults. */
  err: (text: string) => void;
}

let watching = false;

/**
 * A reader that went away (`costshare allocate … | head -1`) is not a fault of the command: what
 * it did not read is dropped, and the command finishes as it would have (its files are written
 * before it says so). Without this, Node reports the closed pipe as an unhandled error, with a stack.
 */
function dropWritesToClosedPipes(): void {
  if (watching) return;
  watching = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") throw err;
    });
  }
}

/** The process's own stdout and stderr. */
export const processIo: CliIo = {
  out: (text) => {
    dropWritesToClosedPipes();
    process.stdout.write(text);
  },
  err: (text) => {
    dropWritesToClosedPipes();
    process.stderr.write(text);
  },
};
