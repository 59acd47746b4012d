// The synthetic archive generator's public face: make an archive, and find the words it plants in every edition.
export { generateArchive, type ArchiveOptions, type ArchiveSummary } from "./archive.ts";
export { ARCHIVE_MARKER, archiveMarker, isSectioned, pageLabels } from "./edition.ts";
export { isPublicationDay, publicationDates } from "./calendar.ts";
