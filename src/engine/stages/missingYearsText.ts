/**
 * What a line lacks, in words: "no amount for 2018; the period is 2016–2018: type the 2018
 * amount in a column headed 2018, or give an Amount to escalate". `what` names the figure
 * ("amount", "cost") and `column` the column that escalates ("Amount", "Cost"); `also` adds
 * another way out (", or a Grade").
 */
export function missingYearsText(
  missing: readonly number[],
  period: readonly number[],
  what: string,
  column: string,
  also = "",
): string {
  const first = period[0];
  const last = period[period.length - 1];
  const span = first === last ? `${first}` : `${first}\u2013${last}`;
  const list = listOf(missing.map(String));
  const where =
    missing.length === 1
      ? `type the ${list} ${what} in a column headed ${list}`
      : `type the ${list} ${what}s in columns headed by those years`;
  return `no ${what} for ${list}; the period is ${span}: ${where}, or give ${article(column)} ${column} to escalate${also}`;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
