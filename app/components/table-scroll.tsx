import type { ReactNode } from "react";

/**
 * The box a wide table scrolls in on a narrow screen, so the page itself never scrolls sideways; the
 * first column stays in view (app.css). A named region that takes focus, so a keyboard user can scroll
 * it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
