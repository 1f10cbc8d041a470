import type { Service } from '../../pm2-bridge/types.js';
import { resolveSelectedIndex } from './resolve-selected-index.js';

/** The service the detail and log panes follow, or null when the table is empty. */
export function selectSelectedService(selectedPmId: number | null, visible: readonly Service[]): Service | null {
  const index = resolveSelectedIndex(
    selectedPmId,
    visible.map((service) => service.pmId),
  );
  return index === -1 ? null : visible[index]!;
}
