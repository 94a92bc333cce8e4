// Test main for the views: one QApplication for all tests, on the offscreen platform unless
// the caller chose another (e.g. QT_QPA_PLATFORM=xcb under xvfb-run to look at the windows).
#include <gtest/gtest.h>

#include <QApplication>

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  ::testing::InitGoogleTest(&argc, argv);
  QApplication app(argc, argv);
  return RUN_ALL_TESTS();
}
