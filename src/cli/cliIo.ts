/** Where the command writes its messages: the process's streams, or a test's buffers. */
export interface CliIo {
  /** Normal output (help, version, "Wrote ..."). */
  out: (text: string) => void;
  /** Problems, warnings and faults. */
  err: (text: string) => void;
}

/** The process's own stdout and stderr. */
export const processIo: CliIo = {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
};
