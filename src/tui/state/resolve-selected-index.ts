/**
 * The row that shows as selected, given the remembered pm_id and the visible pm_ids (sorted by pm_id, as the
 * snapshot is). A pm_id that went away (deleted, filtered out) falls to its neighbour: the next higher id, else the
 * last row. -1 when nothing is visible.
 */
export function resolveSelectedIndex(selectedPmId: number | null, ids: readonly number[]): number {
  if (ids.length === 0) return -1;
  if (selectedPmId === null) return 0;
  const exact = ids.indexOf(selectedPmId);
  if (exact !== -1) return exact;
  const next = ids.findIndex((id) => id > selectedPmId);
  return next === -1 ? ids.length - 1 : next;
}
