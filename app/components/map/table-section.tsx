import { memo, startTransition, useEffect, useRef, useState } from "react";
import { useHydrated } from "remix-utils/use-hydrated";
import type { MapMunicipality } from "../../domain/map-view";
import { MunicipalityTable } from "./municipality-table";

/**
 * The table under the map. The server renders its 290 rows; the browser keeps them as they came and
 * does not hydrate them, nor (with script) lay them out, while the page loads: that cost more than
 * anything else before the map could be used. Once the map has drawn and the browser is idle, or as
 * soon as the table comes near the screen, React renders the interactive table (sorting, "Visa") in its
 * place. Without script the server's table is the table. After a client-side navigation the
 * interactive table renders at once.
 */
export const TableSection = memo(function TableSection({
  municipalities,
  caption,
  onShow,
}: {
  municipalities: readonly MapMunicipality[];
  caption: string;
  onShow: (code: string) => void;
}) {
  const hydrated = useHydrated();
  // During hydration `hydrated` is false: keep the server's rows. Mounted later (a navigation): live.
  const [activated, setLive] = useState(hydrated);
  const host = useRef<HTMLDivElement>(null);
  // New rows (the filters changed) cannot be shown by keeping the server's: render them.
  const rendered = useRef({ municipalities, caption });
  const live = activated || rendered.current.municipalities !== municipalities || rendered.current.caption !== caption;

  useEffect(() => {
    if (live) return;
    let done = false;
    const activate = () => {
      if (done) return;
      done = true;
      startTransition(() => setLive(true));
    };
    const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && activate(), {
      rootMargin: "600px 0px",
    });
    if (host.current) near.observe(host.current);
    let cancelIdle = () => {};
    // A moment after the map has drawn, when the browser is idle: a click on the map right after it
    // has drawn is not kept waiting behind 290 rows.
    const whenIdle = () => {
      const wait = setTimeout(() => {
        if (typeof requestIdleCallback === "function") {
          const id = requestIdleCallback(activate, { timeout: 3000 });
          cancelIdle = () => cancelIdleCallback(id);
        } else activate();
      }, 1000);
      cancelIdle = () => clearTimeout(wait);
    };
    const drawn = new PerformanceObserver((list) => {
      if (list.getEntriesByName("map:shapes-drawn").length) whenIdle();
    });
    if (performance.getEntriesByName("map:shapes-drawn").length) whenIdle();
    else drawn.observe({ type: "mark" });
    // Whatever happens to the map, the table becomes interactive before long.
    const fallback = window.setTimeout(activate, 10_000);
    return () => {
      done = true;
      near.disconnect();
      drawn.disconnect();
      window.clearTimeout(fallback);
      cancelIdle();
    };
  }, [live]);

  if (live) {
    return (
      <div className="table-section">
        <MunicipalityTable municipalities={municipalities} caption={caption} onShow={onShow} interactive />
      </div>
    );
  }
  if (typeof document === "undefined") {
    return (
      <div className="table-section is-static" ref={host}>
        <MunicipalityTable municipalities={municipalities} caption={caption} onShow={onShow} interactive={false} />
      </div>
    );
  }
  // In the browser during hydration: the same element, its server-rendered rows left as they are.
  return <div className="table-section is-static" ref={host} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: "" }} />;
});
