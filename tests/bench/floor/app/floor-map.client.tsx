import L from "leaflet";
import { useEffect } from "react";
import { MapContainer, useMap } from "react-leaflet";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

type BorderTopology = Topology<{ municipalities: GeometryCollection; counties: GeometryCollection }>;

const SWEDEN: L.LatLngBoundsExpression = [
  [55.3, 10.9],
  [69.1, 24.2],
];

function Shapes({ topology, onSelect }: { topology: BorderTopology; onSelect: (code: string) => void }) {
  const map = useMap();
  useEffect(() => {
    const group = L.featureGroup();
    L.geoJSON(feature(topology, topology.objects.municipalities), {
      style: { fillColor: "#a8ddd0", fillOpacity: 1, color: "#5d6675", weight: 0.6 },
      onEachFeature: (f, layer) => layer.on("click", () => onSelect(String(f.id))),
    }).addTo(group);
    L.geoJSON(mesh(topology, topology.objects.counties, (a, b) => a !== b), {
      style: { color: "#1d2430", weight: 1.6, opacity: 0.9, fill: false },
      interactive: false,
    }).addTo(group);
    group.addTo(map);
    const container = map.getContainer();
    requestAnimationFrame(() => {
      performance.mark("map:shapes-drawn");
      container.dataset.ready = "true";
    });
    return () => {
      group.remove();
    };
  }, [map, topology, onSelect]);
  return null;
}

export default function FloorMap(props: { topology: BorderTopology; onSelect: (code: string) => void }) {
  return (
    <MapContainer bounds={SWEDEN} className="national-map" zoomSnap={0} scrollWheelZoom={false} attributionControl={false}>
      <Shapes {...props} />
    </MapContainer>
  );
}
