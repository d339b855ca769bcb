import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  useIsOverflowItemVisible,
  useOverflowMenu,
  type BadgeProps,
  CounterBadge,
  tokens,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import type { ViewDef } from "../views";

/** Props of the navigation. */
export interface StepNavProps<Id extends string> {
  views: readonly (ViewDef & { id: Id })[];
  selected: Id;
  onSelect: (id: Id) => void;
  /** A count to show on a view's tab (problems), by view id. */
  counts?: Partial<Record<Id, { count: number; color: BadgeProps["color"]; label: string }>>;
}

const useStyles = makeStyles({
  // One row, never wrapping: what does not fit goes into the More menu.
  nav: { display: "flex", flexWrap: "nowrap", overflow: "hidden", minWidth: 0 },
  tab: { flexShrink: 0 },
  // Apart from the label it counts for ("Problems 3", not "Problems3").
  badge: { marginInlineStart: tokens.spacingHorizontalXS },
});

/**
 * The views as one row of tabs (Fluent's TabList with overflow): at 350 px the first views show
 * and the rest sit in a "More" menu, so adding a view never wraps the row.
 */
export function StepNav<Id extends string>({ views, selected, onSelect, counts }: StepNavProps<Id>) {
  const styles = useStyles();
  const badge = (id: Id) => {
    const c = counts?.[id];
    return c && c.count > 0 ? (
      <CounterBadge
        className={styles.badge}
        size="small"
        color={c.color === "danger" ? "danger" : "informative"}
        count={c.count}
        aria-label={c.label}
      />
    ) : undefined;
  };
  return (
    <Overflow minimumVisible={3} padding={8}>
      <TabList
        className={styles.nav}
        size="small"
        selectedValue={selected}
        onTabSelect={(_, d) => onSelect(d.value as Id)}
        aria-label="Steps"
      >
        {views.map((v) => (
          <OverflowItem key={v.id} id={v.id} priority={v.id === selected ? 2 : 1}>
            <Tab className={styles.tab} value={v.id}>
              {v.label}
              {badge(v.id)}
            </Tab>
          </OverflowItem>
        ))}
        <MoreMenu views={views} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}

function MoreMenu<Id extends string>({
  views,
  onSelect,
}: {
  views: readonly (ViewDef & { id: Id })[];
  onSelect: (id: Id) => void;
}): ReactElement | null {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu hasIcons>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          appearance="transparent"
          size="small"
          icon={<MoreHorizontalRegular />}
          aria-label={`More: ${overflowCount} more step${overflowCount === 1 ? "" : "s"}`}
          title="More steps"
          role="tab"
          aria-selected={false}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {views.map((v) => (
            <MoreItem key={v.id} view={v} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function MoreItem<Id extends string>({
  view,
  onSelect,
}: {
  view: ViewDef & { id: Id };
  onSelect: (id: Id) => void;
}) {
  const visible = useIsOverflowItemVisible(view.id);
  if (visible) return null;
  return (
    <MenuItem icon={<view.icon />} onClick={() => onSelect(view.id)}>
      {view.label}
    </MenuItem>
  );
}
