import { STAFF_CATEGORY } from "../engine/model";

/** The BRS report's order of savings categories; any other category follows in order of first appearance. */
const FIRST = [STAFF_CATEGORY, "Meetings", "Operational"];

/** Categories in the order officers read them: Staff, Meetings, Operational, then the rest as met. */
export function orderCategories(categories: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const c of categories) if (!seen.has(c.toLowerCase())) seen.set(c.toLowerCase(), c);
  const first = FIRST.filter((c) => seen.has(c.toLowerCase())).map(
    (c) => seen.get(c.toLowerCase()) as string,
  );
  const rest = [...seen.values()].filter((c) => !FIRST.some((f) => f.toLowerCase() === c.toLowerCase()));
  return [...first, ...rest];
}
