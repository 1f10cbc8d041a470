import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../../src/tui/layout/compute-layout.js';

const total = (l: ReturnType<typeof computeLayout>) => l.header + l.banner + l.table + l.detail + (l.sideBySide ? 0 : l.logs) + l.status + l.hints;

describe('computeLayout', () => {
  it('uses exactly the given height for every size and state', () => {
    for (const width of [60, 80, 119, 120, 200]) {
      for (let height = 15; height <= 60; height += 1) {
        for (const serviceCount of [0, 1, 4, 30]) {
          for (const bannerLines of [0, 2]) {
            for (const detailExpanded of [false, true]) {
              const layout = computeLayout({ width, height, serviceCount, bannerLines, detailExpanded });
              expect(total(layout), `${width}x${height} n=${serviceCount}`).toBe(height);
              expect(layout.table).toBeGreaterThanOrEqual(2);
            }
          }
        }
      }
    }
  });
  it('says too small below 60x15', () => {
    expect(computeLayout({ width: 59, height: 30, serviceCount: 1, bannerLines: 0, detailExpanded: false }).tooSmall).toBe(true);
    expect(computeLayout({ width: 80, height: 14, serviceCount: 1, bannerLines: 0, detailExpanded: false }).tooSmall).toBe(true);
    expect(computeLayout({ width: 60, height: 15, serviceCount: 1, bannerLines: 0, detailExpanded: false }).tooSmall).toBe(false);
  });
  it('puts details and logs side by side from 120 columns', () => {
    const wide = computeLayout({ width: 140, height: 40, serviceCount: 4, bannerLines: 0, detailExpanded: false });
    expect(wide.sideBySide).toBe(true);
    expect(wide.detailWidth + 1 + wide.logWidth).toBe(140);
    expect(computeLayout({ width: 80, height: 23, serviceCount: 4, bannerLines: 0, detailExpanded: false }).sideBySide).toBe(false);
  });
});
