// Test main for the views: one QApplication for all tests, on the offscreen platform unless
// the caller chose another (e.g. QT_QPA_PLATFORM=xcb under xvfb-run to look at the windows).
// QSettings go to a temporary folder, so tests (the language setting) never touch the user's.
#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  ::testing::InitGoogleTest(&argc, argv);
  QApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("Repetition Workbench Tests"));
  QCoreApplication::setApplicationName(QStringLiteral("test_views"));
  const QTemporaryDir settings;
  if (!settings.isValid()) return 1;
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
  return RUN_ALL_TESTS();
}
