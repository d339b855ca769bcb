import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Explanation } from "../explainFigure";
import { formatAmount } from "../formatAmount";

/** Props of the "why this number" panel. */
export interface WhyPanelProps {
  /** The figure explained; the panel is closed while undefined. */
  explanation?: Explanation;
  /** The rounding step of published figures (1 = whole units). */
  rounding: number;
  onClose: () => void;
}

const useStyles = makeStyles({
  amount: { fontVariantNumeric: "tabular-nums" },
  section: {
    marginTop: tokens.spacingVerticalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  detail: { color: tokens.colorNeutralForeground3, display: "block" },
});

/** A fraction as a percentage with up to two decimals (0.3333 → "33.33%"). */
function percent(f: number): string {
  return `${Number((f * 100).toFixed(2))}%`;
}

/**
 * How one figure was made, in a drawer over the pane: the rule in words, the weights and driver
 * values, what it adds up from, and the rounding step that took the exact value to the published one.
 */
export function WhyPanel({ explanation: e, rounding, onClose }: WhyPanelProps) {
  const styles = useStyles();
  const fmt = (v: number) => formatAmount(v, rounding);
  const exactText = (v: number) =>
    v.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <OverlayDrawer
      open={e !== undefined}
      position="end"
      size="medium"
      onOpenChange={(_, d) => !d.open && onClose()}
      aria-label="Why this number"
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />
          }
        >
          Why this number
        </DrawerHeaderTitle>
      </DrawerHeader>
      {/* Focusable, so the explanation scrolls by keyboard too. */}
      <DrawerBody tabIndex={0} role="region" aria-label="How the number was made">
        {e && (
          <>
            <Text as="p" block weight="semibold">
              {e.title}
            </Text>
            <Text as="p" block size={500} className={styles.amount} data-testid="why-amount">
              {fmt(e.amount)} {e.currency}
            </Text>
            {e.rule && (
              <div className={styles.section}>
                <Text as="h3" weight="semibold">
                  The rule
                </Text>
                <Text as="p">{e.rule}</Text>
              </div>
            )}
            {e.weights.length > 0 && (
              <div className={styles.section}>
                <Text as="h3" weight="semibold">
                  Each instrument&apos;s part of the cost
                </Text>
                <Table size="extra-small" aria-label="Weights under the rule">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Instrument</TableHeaderCell>
                      {e.driver && <TableHeaderCell className={styles.num}>{e.driver}</TableHeaderCell>}
                      <TableHeaderCell className={styles.num}>Part</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {e.weights.map((w) => (
                      <TableRow key={w.code}>
                        <TableCell>{w.code}</TableCell>
                        {e.driver && (
                          <TableCell className={styles.num}>
                            {w.driverValue?.toLocaleString("en-GB") ?? "–"}
                          </TableCell>
                        )}
                        <TableCell className={styles.num}>{percent(w.weight)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
            {e.parts.length > 0 && (
              <div className={styles.section}>
                <Text as="h3" weight="semibold">
                  {e.partsTitle}
                </Text>
                <Table size="extra-small" aria-label={e.partsTitle}>
                  <TableBody>
                    {e.parts.map((p, k) => (
                      <TableRow key={`${p.label}-${k}`}>
                        <TableCell>
                          {p.label}
                          {p.detail && <span className={styles.detail}>{p.detail}</span>}
                        </TableCell>
                        <TableCell className={styles.num}>{fmt(p.amount)}</TableCell>
                      </TableRow>
                    ))}
                    <TableRow>
                      <TableCell>
                        <strong>Total</strong>
                      </TableCell>
                      <TableCell className={styles.num}>
                        <strong>{fmt(e.amount)}</strong>
                      </TableCell>
                    </TableRow>
                  </TableBody>
                </Table>
              </div>
            )}
            {e.rounding && (
              <div className={styles.section}>
                <Text as="h3" weight="semibold">
                  Rounding
                </Text>
                <Text as="p">
                  Exact value {exactText(e.rounding.exact)}; published {fmt(e.amount)}, rounded to{" "}
                  {e.rounding.step === 1 ? "whole units" : `steps of ${e.rounding.step}`}
                  {Math.abs(e.amount - e.rounding.exact) < 1e-9
                    ? "."
                    : ` (${e.amount > e.rounding.exact ? "up" : "down"} by ${exactText(Math.abs(e.amount - e.rounding.exact))}), so that the published shares add up exactly to the published total.`}
                </Text>
              </div>
            )}
            {e.notes.map((n) => (
              <Text key={n} as="p" className={styles.section}>
                {n}
              </Text>
            ))}
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
