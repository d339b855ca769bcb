/**
 * The groups of input changes a difference between two runs is attributed to, in the order the
 * waterfall applies them (see attributeChanges): first whether this version of the add-in computes
 * the earlier inputs as they were computed then, then which option is written (in a workbook with
 * options), then the frame of the budget (period,
 * escalation, rounding), who takes part, what is costed (posts, then their costs), where the
 * posts sit, the other budget lines, how units are shared (rules, support), and the programme
 * support cost rate added on top.
 */
export type ChangeCause =
  | "version"
  | "option"
  | "settings"
  | "instruments"
  | "posts"
  | "costs"
  | "assignment"
  | "budget"
  | "rules"
  | "support"
  | "psc";

/**
 * A change of an input that moves no instrument's share: a title, an annex setting; the Baseline,
 * which moves savings; the Parties and Scales sheets, which move the scales of contributions.
 */
export type OtherCause = "other";

/** One group of the waterfall: its key, its name on the sheets, and the inputs it covers. */
export interface ChangeCauseInfo {
  cause: ChangeCause;
  label: string;
  covers: string;
}

/** The waterfall's groups, in the order they are applied. */
export const CHANGE_CAUSES: readonly ChangeCauseInfo[] = [
  {
    cause: "version",
    label: "Computation (add-in version)",
    covers:
      "the earlier run's inputs computed by this version of the add-in, against the figures recorded then",
  },
  {
    cause: "option",
    label: "Option written",
    covers: "Settings Scenario and Scenarios: which option is written, and the options there are",
  },
  {
    cause: "settings",
    label: "Period, escalation and rounding",
    covers: "Settings FirstYear, Years, Escalation and Rounding",
  },
  {
    cause: "instruments",
    label: "Instruments",
    covers: "instruments added or removed, their Type and their driver columns (Parties, Budget, ...)",
  },
  {
    cause: "posts",
    label: "Posts added or removed",
    covers: "Posts rows, matched by PostId, and the options each holds in (Scenario)",
  },
  {
    cause: "costs",
    label: "Costs and grades",
    covers: "a post's Grade, FTE and Cost (or costs by year), and the Grades sheet",
  },
  {
    cause: "assignment",
    label: "Posts' units and splits",
    covers: "a post's Unit, its own split and FundedBy",
  },
  { cause: "budget", label: "Budget lines", covers: "the Budget sheet" },
  { cause: "rules", label: "Rules", covers: "the Rules sheet" },
  { cause: "support", label: "Support", covers: "the Support sheet and Settings SupportMethod" },
  { cause: "psc", label: "PSC rate", covers: "Settings PSC" },
];

/** The name of a group on the sheets ("Rules"). */
export function causeLabel(cause: ChangeCause): string {
  return CHANGE_CAUSES.find((c) => c.cause === cause)?.label ?? cause;
}
