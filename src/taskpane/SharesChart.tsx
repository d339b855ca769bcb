import {
  DataVizPalette,
  VerticalStackedBarChart,
  type VerticalStackedChartProps,
} from "@fluentui/react-charts";
import type { PreviewModel } from "./previewModel";

/** Props of the shares chart. */
export interface SharesChartProps {
  view: PreviewModel;
}

const PALETTE = Object.values(DataVizPalette);

/**
 * One stacked bar per instrument, one segment per unit: how much each common service costs each
 * instrument. Loaded lazily (see PreviewStep) because the chart library is most of the pane's weight.
 */
export function SharesChart({ view }: SharesChartProps) {
  const data: VerticalStackedChartProps[] = view.instruments.map((code, i) => ({
    xAxisPoint: code,
    chartData: view.rows
      .filter((r) => r.shares[i] !== 0)
      .map((r) => ({
        legend: r.unit,
        data: r.shares[i],
        color: PALETTE[view.rows.indexOf(r) % PALETTE.length],
      })),
  }));
  return (
    <div
      role="figure"
      aria-label={`Stacked bar chart of each instrument's direct share by unit, ${view.label}`}
    >
      <VerticalStackedBarChart data={data} height={280} barWidth="auto" maxBarWidth={32} />
    </div>
  );
}
