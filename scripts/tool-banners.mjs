// Notices that tools print in a box on every run, which say nothing about the
// build at hand: removed from their output so that the docs build prints only
// what a reader must act on. Anything else a tool prints is kept as it is.
//
// - @redocly/cli 2.x on Node 20: "Deprecation warning: Node.js 20 support is
//   ending" (about its own future releases; this project supports Node 20, and
//   the version in use runs on it).
// - @redocly/cli 2.x build-docs: "build-docs now renders docs with Redoc 3"
//   (a migration note for users of Redoc 2 themes; this project has none).

/** Words that mark a box as one of the notices above. */
export const KNOWN_BANNERS = [
  "Node.js 20 support is ending",
  "build-docs now renders docs with Redoc 3",
];

/** `text` without the boxed notices (╔ … ╚ lines) that hold one of KNOWN_BANNERS. */
export function withoutToolBanners(text) {
  const lines = text.split("\n");
  const kept = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trimStart().startsWith("╔")) {
      kept.push(lines[i]);
      continue;
    }
    const end = lines.findIndex((line, j) => j > i && line.trimStart().startsWith("╚"));
    const box = end === -1 ? [] : lines.slice(i, end + 1).join("\n");
    if (end !== -1 && KNOWN_BANNERS.some((words) => box.includes(words))) i = end;
    else kept.push(lines[i]);
  }
  return kept.join("\n").replace(/\n{3,}/g, "\n\n");
}
