import type { Problem } from "../engine/problem";
import type { PaneError } from "./paneError";

/**
 * Why a run marked Approved under the paper of an earlier approved run, with other figures, is
 * neither written nor exported (restatedApproval): the problem at its Settings cell, and where
 * the pane changes it, under `title` ("Nothing was written"). `inResults`: said in the Results
 * view, where the status form is above the message.
 */
export function restatedRefusal(
  problem: Problem,
  locate: ((p: Problem) => Problem) | undefined,
  title: string,
  inResults = true,
): PaneError {
  const p = locate?.(problem) ?? problem;
  const where = inResults ? "above, under Status of these results" : "at the top of the Results view";
  return {
    title,
    message:
      `${p.sheet}${p.cell !== undefined ? `!${p.cell}` : ""}: ${p.message} ` +
      `In this pane, Status and Document symbol are ${where}: change one and save it to the Settings sheet.`,
  };
}
