import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { RulesPlan } from "../rulesPlan";

/** Props of the list of Rules cells a save will change. */
export interface RulesPlanViewProps {
  plan: RulesPlan;
  /** "Saving" or "Writing the results": what will do it. */
  action: string;
}

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  address: { fontFamily: tokens.fontFamilyMonospace },
});

/** What a save will put into the Rules sheet, cell by cell, and the notes beside changed rules that it leaves alone. */
export function RulesPlanView({ plan, action }: RulesPlanViewProps) {
  const styles = useStyles();
  if (plan.cells.length === 0) return null;
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {action} changes {plan.cells.length} cell{plan.cells.length === 1 ? "" : "s"} of the {plan.sheet}{" "}
            sheet
          </MessageBarTitle>
          <ul className={styles.list} aria-label={`Cells of ${plan.sheet} to change`}>
            {plan.cells.map((c) => (
              <li key={c.address}>
                <Text>
                  <span className={styles.address}>{c.address}</span> {c.column}:{" "}
                  {c.before === "" ? "(empty)" : `“${c.before}”`} →{" "}
                  {c.after === "" ? "(empty)" : `“${c.after}”`}
                </Text>
              </li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
      {plan.notes.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Check the note beside a changed rule</MessageBarTitle>
            These texts sit beside a rule that changes, and are left as they are; they may describe the old
            rule:
            <ul className={styles.list}>
              {plan.notes.map((n) => (
                <li key={n.address}>
                  <Text>
                    <span className={styles.address}>
                      {plan.sheet}!{n.address}
                    </span>{" "}
                    ({n.column}): “{n.text}”
                  </Text>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
