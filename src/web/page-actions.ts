/** An entity as the page passes it around: enough to name it and to ask the API about it. */
export type EntityPick = { id: string; type: string; name: string };

/**
 * What any view or panel can ask the page to do, so views never reach into each other: open an
 * entity (its network and its panel), show a report at a sentence, switch to a view about it.
 */
export type PageActions = {
  /** Loads the entity's neighbourhood on the network, selects it and shows its panel. */
  openEntity(entity: EntityPick): void;
  /** Shows the entity's panel and selects it on the network if it is drawn, without loading anything. */
  inspectEntity(entity: EntityPick): void;
  /** Shows a report's text in the side panel with one sentence marked. */
  openReport(reportId: string, start?: number, end?: number): void;
  showTimeline(entity: EntityPick): void;
  /** Opens the path view with this entity as one end. */
  showPaths(from: EntityPick): void;
  showStatistics(province: string): void;
};
