import type { Post } from "./model";
import { problemAt, type Problem } from "./problem";
import { notAnInstrument } from "./unknownInstrument";

/**
 * A post's references to other sheets that name nothing there, said the same way wherever they
 * are found: by the engine as it costs the lines, or by the workbook reader with the sheets'
 * other problems (readWorkbook: postReferences).
 */

/** A post's grade that is not in the Grades sheet (where the grade must cost the post). */
export function unknownGrade(post: Post): Problem {
  return problemAt(
    post.source,
    "Grade",
    `Grade '${post.grade}' of post '${post.id}' is not in the Grades sheet.`,
  );
}

/** A post funded by a code that is not an instrument's. */
export function unknownFunder(post: Post, codes: readonly string[]): Problem {
  return problemAt(
    post.source,
    "FundedBy",
    `Post '${post.id}' is funded by ${notAnInstrument(post.fundedBy ?? "", codes)}`,
  );
}
