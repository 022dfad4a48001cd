/**
 * The official register the product ships: 21 counties (län) and 290 municipalities (kommuner).
 * Source and method: data/README.md.
 */
import countiesJson from "./counties.json";
import municipalitiesJson from "./municipalities.json";

export type RegisterCounty = { code: string; name: string };
export type RegisterMunicipality = {
  code: string;
  name: string;
  countyCode: string;
  latitude: number;
  longitude: number;
};

export const registerCounties: readonly RegisterCounty[] = countiesJson;
export const registerMunicipalities: readonly RegisterMunicipality[] = municipalitiesJson;
