import type { Grade, Instrument, Post, Settings } from "../engine/model";
import { unknownFunder, unknownGrade } from "../engine/postReferences";
import type { Problem } from "../engine/problem";
import { nameKey } from "../engine/stages/nameKey";

/** Which of the sheets a post refers to read without an error. */
export interface WholeSheets {
  instruments: boolean;
  grades: boolean;
  settings: boolean;
}

/**
 * Posts' references to other sheets, checked as the workbook is read so that they come with its
 * other problems rather than in a second round, once those are fixed: a FundedBy code that is
 * not an instrument's, and a grade not in the Grades sheet where the grade must cost the post
 * (a post with its own cost for every year may carry any grade as a label). Each only against a
 * sheet that read whole: a row that did not read may hold the code or the grade. Where a sheet
 * did not, the engine finds the same problems, in the same words, once the workbook reads.
 */
export function postReferences(
  posts: readonly Post[],
  instruments: readonly Instrument[],
  grades: readonly Grade[],
  settings: Settings,
  whole: WholeSheets,
): Problem[] {
  const problems: Problem[] = [];
  const codes = instruments.map((i) => i.code);
  const codeKeys = new Set(codes.map(nameKey));
  const gradeKeys = new Set(grades.map((g) => nameKey(g.grade)));
  const years = Array.from({ length: settings.years }, (_, k) => settings.firstYear + k);
  for (const post of posts) {
    const grade = post.grade?.trim() ?? "";
    if (whole.grades && grade !== "" && !gradeKeys.has(nameKey(grade))) {
      // Whether the post's own costs cover the period: known once the Settings give its years.
      const covered =
        post.cost !== undefined ||
        (whole.settings && years.every((year) => post.costByYear?.[year] !== undefined));
      const needed = post.costByYear === undefined || whole.settings;
      if (!covered && needed) problems.push(unknownGrade(post));
    }
    const funder = post.fundedBy?.trim() ?? "";
    if (whole.instruments && funder !== "" && !codeKeys.has(nameKey(funder))) {
      problems.push(unknownFunder(post, codes));
    }
  }
  return problems;
}
