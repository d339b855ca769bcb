import { Link, makeStyles } from "@fluentui/react-components";

/** Props of a figure that explains itself. */
export interface FigureButtonProps {
  /** The figure as shown ("1,234,567"). */
  value: string;
  /** What it is, for a screen reader ("CMS share of Communications"). */
  context: string;
  onExplain: (from: HTMLElement) => void;
}

const useStyles = makeStyles({ figure: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" } });

/** A published figure as a link-styled button: selecting it opens "why this number". */
export function FigureButton({ value, context, onExplain }: FigureButtonProps) {
  const styles = useStyles();
  return (
    <Link
      as="button"
      className={styles.figure}
      aria-label={`${value}, ${context}: why this number`}
      onClick={(e) => onExplain(e.currentTarget)}
    >
      {value}
    </Link>
  );
}
