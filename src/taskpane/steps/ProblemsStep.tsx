import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ErrorCircleRegular, WarningRegular } from "@fluentui/react-icons";
import type { Problem } from "../../engine/problem";
import { groupProblems } from "../groupProblems";
import { problemAddress } from "../problemAddress";

/** Props of the Problems step. */
export interface ProblemsStepProps {
  /** Every problem of the inputs and of the run. */
  problems: Problem[];
  /** Selects a problem's cell in Excel; absent in a browser, where addresses are shown as text. */
  onSelect?: (problem: Problem) => void;
  /** Re-reads the workbook after the officer fixed it (Excel only: a browser holds a copy). */
  onReload?: () => void;
}

const useStyles = makeStyles({
  // The message, what to do, and the lists, a step apart.
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", paddingLeft: 0, margin: 0 },
  item: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: "2px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: "2px" },
  address: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalXS },
  group: { marginTop: tokens.spacingVerticalXS },
  reload: { alignSelf: "flex-start" },
});

/** Step 2: every problem with its cell, grouped by sheet; clicking one selects the cell in Excel. */
export function ProblemsStep({ problems, onSelect, onReload }: ProblemsStepProps) {
  const styles = useStyles();
  const groups = groupProblems(problems);
  const errors = problems.filter((p) => p.severity === "error").length;
  return (
    <div className={styles.root}>
      {errors > 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {errors === 1 ? "1 problem blocks the run" : `${errors} problems block the run`}
            </MessageBarTitle>
            Nothing can be written until {errors === 1 ? "it is" : "they are"} fixed. Correct the cells below
            in the workbook{onSelect ? " (select one to go to it)" : ""}.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="success">
          <MessageBarBody>
            No problem stops the run.
            {problems.length > 0 ? " The warnings below are worth a look." : ""}
          </MessageBarBody>
        </MessageBar>
      )}
      {onReload ? (
        <Button onClick={onReload} className={styles.reload}>
          Read the workbook again
        </Button>
      ) : (
        <Text as="p">Correct the file in Excel, then open it again with the Open button.</Text>
      )}
      {groups.map((g) => (
        <section key={g.sheet} className={styles.group} aria-label={`Problems on ${g.sheet}`}>
          <Text as="h2" weight="semibold" size={400}>
            {g.sheet} ({g.errors > 0 ? `${g.errors} error${g.errors === 1 ? "" : "s"}` : ""}
            {g.errors > 0 && g.warnings > 0 ? ", " : ""}
            {g.warnings > 0 ? `${g.warnings} warning${g.warnings === 1 ? "" : "s"}` : ""})
          </Text>
          <ul className={styles.list}>
            {g.problems.map((p, i) => (
              <li key={i} className={styles.item}>
                {p.severity === "error" ? (
                  <ErrorCircleRegular className={styles.error} aria-label="Error" role="img" />
                ) : (
                  <WarningRegular className={styles.warning} aria-label="Warning" role="img" />
                )}
                <Text>
                  {onSelect ? (
                    <Link
                      className={styles.address}
                      onClick={() => onSelect(p)}
                      aria-label={`Go to ${problemAddress(p)}`}
                    >
                      {problemAddress(p)}
                    </Link>
                  ) : (
                    <span className={styles.address}>{problemAddress(p)}</span>
                  )}
                  {p.message}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
