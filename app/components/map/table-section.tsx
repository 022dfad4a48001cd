import { memo, Suspense } from "react";
import { useHydrated } from "remix-utils/use-hydrated";
import type { MapMunicipality } from "../../domain/map-view";
import { MunicipalityTable } from "./municipality-table";

/** The table under the map, hydrated in its own Suspense boundary (see side-column.tsx for why). */
export const TableSection = memo(function TableSection({
  municipalities,
  caption,
  onShow,
}: {
  municipalities: readonly MapMunicipality[];
  caption: string;
  onShow: (code: string) => void;
}) {
  return (
    <Suspense fallback={null}>
      <div className="table-section">
        <HydratedTable municipalities={municipalities} caption={caption} onShow={onShow} />
      </div>
    </Suspense>
  );
});

/** The "Visa" buttons and sorting need script: the table gets them once its own boundary has hydrated. */
function HydratedTable(props: { municipalities: readonly MapMunicipality[]; caption: string; onShow: (code: string) => void }) {
  return <MunicipalityTable {...props} interactive={useHydrated()} />;
}
