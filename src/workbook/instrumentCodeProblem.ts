import { normalizeName } from "./normalizeName";

/** Words that mean something else where codes are listed (Rules participants, hybrid bases). */
const RESERVED: Record<string, string> = {
  all: "in Rules, 'all' means every instrument",
  equal: "in a hybrid Basis, 'equal' means equal shares",
};

/**
 * Why a text cannot be an instrument code (it must stay one word so that lists such as
 * "CMS 50%; AEWA 50%" and "CMS, AEWA" can be read back), or undefined when it can.
 */
export function instrumentCodeProblem(code: string): string | undefined {
  const reserved = RESERVED[normalizeName(code)];
  if (reserved !== undefined) return `'${code}' cannot be an instrument code: ${reserved}`;
  if (!/^[\p{L}][\p{L}\p{N}._-]*$/u.test(code)) {
    return `'${code}' cannot be an instrument code: use one word of letters, digits, '.', '_' and '-', starting with a letter (e.g. 'IOSEA')`;
  }
  return undefined;
}
