/** A weight vector over the instruments, with what splitting by it needs, worked out once. */
export interface Split {
  /** One weight per instrument (Instruments order); 0 for those that do not share. */
  weights: Float64Array;
  /** The sum of the weights. */
  sum: number;
  /** The instruments with a positive weight, in canonical (code) order. */
  participants: Int32Array;
}

/** Prepares a weight vector: its sum and its participants in the canonical instrument order. */
export function makeSplit(weights: Float64Array, canonical: Int32Array): Split {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i];
  const participants = canonical.filter((i) => weights[i] > 0);
  return { weights, sum, participants };
}
