import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

/** Props of the question asked before another workbook replaces work this page holds. */
export interface OpenAnotherDialogProps {
  /** What would be lost, in sentences. */
  losing: readonly string[];
  onOpen: () => void;
  onCancel: () => void;
}

/** Asks before another workbook replaces work not saved or downloaded (browser only). */
export function OpenAnotherDialog({ losing, onOpen, onCancel }: OpenAnotherDialogProps) {
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby="losing-text">
        <DialogBody>
          <DialogTitle>Open another workbook?</DialogTitle>
          <DialogContent id="losing-text">
            This page holds work that opening another workbook would lose:
            <ul>
              {losing.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </DialogContent>
          {/* Keeping the work is the first choice, and the one Enter takes. */}
          <DialogActions>
            <Button appearance="primary" onClick={onCancel}>
              Cancel
            </Button>
            <Button onClick={onOpen}>Open another workbook</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
