/** A failure as the officer should read it: what happened and the way out. */
export interface PaneError {
  title: string;
  message: string;
}

/** Message of anything thrown, for a MessageBar (the error itself is also logged for support). */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Lets React paint (progress, spinners) between phases of long work, so the pane never freezes. */
export const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
