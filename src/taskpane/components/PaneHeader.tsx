import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { FolderOpenRegular } from "@fluentui/react-icons";
import { Suspense, lazy, useRef, useState } from "react";

// Asked only in a browser, and only when there is work to lose: loaded then, not with the first screen.
const OpenAnotherDialog = lazy(() =>
  import(/* webpackChunkName: "open-another" */ "./OpenAnotherDialog").then((m) => ({
    default: m.OpenAnotherDialog,
  })),
);

/** Props of the pane's header. */
export interface PaneHeaderProps {
  /** What the pane works on, in a few words ("This workbook", "sample.xlsx, a copy in this page"). */
  subtitle?: string;
  /** Browser only: opens an .xlsx file the officer chooses. */
  onOpenFile?: (file: File | undefined) => void;
  /** Browser only: the work opening another file would lose, asked about first when there is any. */
  unsaved?: () => string[];
}

const useStyles = makeStyles({
  header: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  icon: { width: "24px", height: "24px" },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  title: { margin: 0, lineHeight: tokens.lineHeightBase300 },
  subtitle: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  hidden: { display: "none" },
});

/** A compact header: the add-in's icon and name, what it works on, and (in a browser) Open. */
export function PaneHeader({ subtitle, onOpenFile, unsaved }: PaneHeaderProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  // What would be lost, while the officer is asked whether to open another workbook all the same.
  const [losing, setLosing] = useState<string[]>();
  const openButton = useRef<HTMLButtonElement>(null);
  const choose = () => fileInput.current?.click();
  // The dialog is gone once answered: focus goes back to Open, where the officer was.
  const answered = () => {
    setLosing(undefined);
    openButton.current?.focus();
  };
  return (
    <header className={styles.header}>
      <img className={styles.icon} src="assets/icon-32.png" alt="" />
      <div className={styles.titles}>
        <Text as="h1" weight="semibold" size={300} className={styles.title}>
          CMS Family Cost Sharing
        </Text>
        {subtitle && (
          <Caption1 className={styles.subtitle} title={subtitle}>
            {subtitle}
          </Caption1>
        )}
      </div>
      {onOpenFile && (
        <>
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="Choose an .xlsx workbook"
            tabIndex={-1}
            onChange={(e) => {
              onOpenFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <Button
            ref={openButton}
            size="small"
            icon={<FolderOpenRegular />}
            aria-label="Open .xlsx"
            title="Open an .xlsx workbook"
            onClick={() => {
              const lost = unsaved?.() ?? [];
              if (lost.length > 0) setLosing(lost);
              else choose();
            }}
          >
            Open
          </Button>
          {losing !== undefined && (
            <Suspense fallback={null}>
              <OpenAnotherDialog
                losing={losing}
                onOpen={() => {
                  answered();
                  choose();
                }}
                onCancel={answered}
              />
            </Suspense>
          )}
        </>
      )}
    </header>
  );
}
