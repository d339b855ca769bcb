import type { Method } from "../engine/model";

/** Each method as a budget officer would name it, for the Rules step and the explanations. */
export const METHOD_WORDS: Record<Method, string> = {
  fixed: "Agreed shares",
  equal: "Equal shares",
  driver: "In proportion to a figure",
  hybrid: "A mix of equal and proportional",
  posts: "Each post's own split",
};

/** What each method means, in one sentence, shown under the method's choice. */
export const METHOD_HINTS: Record<Method, string> = {
  fixed: "You type each instrument's agreed percentage, e.g. CMS 50%; AEWA 50%.",
  equal: "Every participating instrument pays the same.",
  driver: "Each pays in proportion to a figure of the Instruments sheet, e.g. its number of Parties.",
  hybrid: "Part shared equally, part in proportion to a figure, e.g. 40% equal + 60% Parties.",
  posts: "Each post is paid as the Posts sheet splits it.",
};

/** The plain name of a method, or the text as written when it is not one of ours. */
export function methodWords(method: string): string {
  return (METHOD_WORDS as Record<string, string>)[method] ?? method;
}
