import {
  DataVizPalette,
  VerticalStackedBarChart,
  getColorFromToken,
  type VerticalStackedChartProps,
} from "@fluentui/react-charts";
import type { PreviewModel } from "./previewModel";

/** Props of the shares chart. */
export interface SharesChartProps {
  view: PreviewModel;
  /** True on a dark theme, so the palette picks its dark variants. */
  dark?: boolean;
}

/** The qualitative data-visualisation palette, whose tokens the chart resolves for light and dark themes. */
const PALETTE = Object.values(DataVizPalette);

/**
 * One stacked bar per instrument, one segment per unit: how much each common service costs each
 * instrument. Loaded lazily (see PreviewStep) because the chart library is most of the pane's weight.
 */
export function SharesChart({ view, dark }: SharesChartProps) {
  const data: VerticalStackedChartProps[] = view.instruments.map((code, i) => ({
    xAxisPoint: code,
    chartData: view.rows
      .filter((r) => r.shares[i] !== 0)
      .map((r) => ({
        legend: r.unit,
        data: r.shares[i],
        color: getColorFromToken(PALETTE[view.rows.indexOf(r) % PALETTE.length], dark),
      })),
  }));
  return (
    <div
      role="figure"
      aria-label={`Stacked bar chart of each instrument's direct share by unit, ${view.label}`}
    >
      <VerticalStackedBarChart
        data={data}
        height={300}
        barWidth="auto"
        maxBarWidth={32}
        margins={{ left: 56, right: 16, top: 16, bottom: 40 }}
        yAxisTickFormat={(v: number) => compact(v)}
      />
    </div>
  );
}

/** Axis labels short enough for a narrow pane: 5,029,283 → "5.0M". */
function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${Math.round(value / 1e3)}k`;
  return String(value);
}
