import {
  ArrowSwapRegular,
  BranchCompareRegular,
  ChartMultipleRegular,
  DocumentTableRegular,
  HomeRegular,
  PeopleMoneyRegular,
  SaveRegular,
  TableSettingsRegular,
  TaskListLtrRegular,
  WarningRegular,
  type FluentIcon,
} from "@fluentui/react-icons";

/**
 * The pane's views, in the order the navigation shows them. A new view (the options compared,
 * the Parties' contributions) is one more entry here and one more renderer in App: the navigation
 * keeps to one row at any width and moves what does not fit into its "More" menu.
 */
export const VIEWS = [
  { id: "start", label: "Start", icon: HomeRegular },
  { id: "rules", label: "Rules", icon: TaskListLtrRegular },
  { id: "preview", label: "Preview", icon: ChartMultipleRegular },
  { id: "compare", label: "Compare", icon: BranchCompareRegular },
  { id: "contributions", label: "Contributions", icon: PeopleMoneyRegular },
  { id: "changes", label: "Changes", icon: ArrowSwapRegular },
  { id: "results", label: "Results", icon: SaveRegular },
  { id: "problems", label: "Problems", icon: WarningRegular },
  { id: "sheets", label: "Sheets", icon: TableSettingsRegular },
] as const satisfies readonly ViewDef[];

/** One view of the pane as the navigation shows it. */
export interface ViewDef {
  id: string;
  /** One short word: the row holds four of them at 350 px. */
  label: string;
  icon: FluentIcon;
}

/** The id of a view. */
export type ViewId = (typeof VIEWS)[number]["id"];

/** The icon of the results document, reused by the Start view's summary. */
export const RESULTS_ICON = DocumentTableRegular;
