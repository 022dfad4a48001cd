import { GeoSourceError, readGeoSource } from "../services/geo-import.server";

/** Reads a borders source (a file or a URL) for a command; when it is refused, says why and returns null. */
export async function readGeoSourceForCommand(source: string): Promise<string | null> {
  try {
    return await readGeoSource(source);
  } catch (error) {
    if (!(error instanceof GeoSourceError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return null;
  }
}
