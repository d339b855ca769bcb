/** The engine's public API: pure functions over the model, no Office, DOM or Node. */
export { allocateWithContributions } from "./allocateWithContributions";
export { applyBounds, type BoundsOutcome } from "./applyBounds";
export { chooseScenario } from "./chooseScenario";
export { AT_CEILING, AT_FLOOR, clampProportional, FREE, type ClampOutcome } from "./clampProportional";
export { computeAllocation } from "./computeAllocation";
export { computeContributions } from "./computeContributions";
export { computeOptions } from "./computeOptions";
export type { Headline, PriorFigures } from "./headline";
export { describeRule, type DescribeOptions } from "./describeRule";
export { CostSharingError, InvalidArgumentError, InvariantError } from "./errors";
export { escalate } from "./escalate";
export { formatPercent } from "./formatPercent";
export { largestRemainder } from "./largestRemainder";
export { largestRemainderInto, remainderScratch, type RemainderScratch } from "./largestRemainderInto";
export * from "./model";
export { fromQuanta, quantizer, toQuanta, toQuantaUp } from "./money";
export { parseBasis } from "./parseBasis";
export * from "./problem";
export { programmeSupportCost } from "./programmeSupportCost";
export * from "./result";
export { roundHalfAway } from "./roundHalfAway";
export { scaleOfContributions, type ScaleInput, type ScaleOutcome } from "./scaleOfContributions";
export {
  scaleYear,
  type ScaleField,
  type ScaleParty,
  type ScaleYearOptions,
  type ScaleYearOutcome,
  type ScaleYearRule,
} from "./scaleYear";
export { scenarioModel } from "./scenarioModel";
export { scenarioNames } from "./scenarioNames";
export { solveReciprocal, type ReciprocalOutcome } from "./solveReciprocal";
export { splitAmount } from "./splitAmount";
export { tieOrder } from "./tieOrder";
