// What one browser script hands another through window.
interface ReadingSettings { size?: string; spacing?: string; elder?: boolean; hant?: boolean }

interface Window {
  /** settings.js: the reading settings kept in localStorage, and putting them on <html> */
  banmianReading?: { read(): ReadingSettings; save(settings: ReadingSettings): void; apply(settings: ReadingSettings): void };
}
