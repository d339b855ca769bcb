/** The engine's public API: pure functions over the model, no Office, DOM or Node. */
export { applyBounds, type BoundsOutcome } from "./applyBounds";
export { computeAllocation } from "./computeAllocation";
export { describeRule, type DescribeOptions } from "./describeRule";
export { CostSharingError, InvalidArgumentError, InvariantError } from "./errors";
export { escalate } from "./escalate";
export { formatPercent } from "./formatPercent";
export { largestRemainder } from "./largestRemainder";
export { largestRemainderInto, remainderScratch, type RemainderScratch } from "./largestRemainderInto";
export * from "./model";
export { fromQuanta, quantizer, toQuanta } from "./money";
export { parseBasis } from "./parseBasis";
export * from "./problem";
export { programmeSupportCost } from "./programmeSupportCost";
export * from "./result";
export { roundHalfAway } from "./roundHalfAway";
export { solveReciprocal, type ReciprocalOutcome } from "./solveReciprocal";
export { splitAmount } from "./splitAmount";
export { tieOrder } from "./tieOrder";
