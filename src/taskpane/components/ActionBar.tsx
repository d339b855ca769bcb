import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";

/** The one next action of the pane. */
export interface PrimaryAction {
  label: string;
  onClick: () => void;
  disabled?: boolean;
}

/** Props of the action bar. */
export interface ActionBarProps {
  /** Where the results stand, in a few words. */
  status: string;
  action?: PrimaryAction;
}

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    bottom: 0,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  status: { flexGrow: 1, minWidth: 0 },
  button: { flexShrink: 0 },
});

/** The primary action, always in reach at the bottom of the pane, with the state of the results beside it. */
export function ActionBar({ status, action }: ActionBarProps) {
  const styles = useStyles();
  return (
    <footer className={styles.bar} aria-label="Next step">
      <Caption1 className={styles.status} data-testid="action-status">
        {status}
      </Caption1>
      {action && (
        <Button
          className={styles.button}
          appearance="primary"
          disabled={action.disabled}
          onClick={action.onClick}
        >
          {action.label}
        </Button>
      )}
    </footer>
  );
}
