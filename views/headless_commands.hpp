// The desktop app's figures without a display: `workbench export` writes the comparison figure of
// an experiment's runs (PNG/SVG/PDF drawn by the app, CSV, pgfplots .tex), and `workbench
// screenshot` saves the app's main view for the README. main() runs them on Qt's offscreen
// platform, so they work over ssh and in CI. Their texts are English, like workbench-cli's: they
// are for scripts, and what they write does not depend on the language.
#pragma once

#include <QStringList>

namespace wb {

// `arguments` as QCoreApplication::arguments() gives them, with the subcommand at index 1.
// Return the process exit code: 0, 2 for usage errors, 4 for an unreadable database.
int runExportCommand(const QStringList& arguments);
int runScreenshotCommand(const QStringList& arguments);

}  // namespace wb
