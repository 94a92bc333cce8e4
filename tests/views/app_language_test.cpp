// App languages: the offered list, code normalization (--lang), the saved setting, and
// installing a language (an unknown one changes nothing). Completeness is translations_test.cpp.
#include "views/app_language.hpp"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QSettings>

#include "views_test_util.hpp"

namespace wb {
namespace {

TEST(ViewsAppLanguage, OffersEnglishFirstAndEachLanguageUnderItsOwnName) {
  const QList<AppLanguage>& languages = appLanguages();
  ASSERT_EQ(languages.size(), 4);
  EXPECT_EQ(languages[0].code, "en");
  QStringList names;
  for (const AppLanguage& language : languages) names << language.nativeName;
  EXPECT_EQ(names, QStringList({"English", "Deutsch", "简体中文", "日本語"}));
}

TEST(ViewsAppLanguage, NormalizesCodes) {
  EXPECT_EQ(appLanguageCode("ja"), "ja");
  EXPECT_EQ(appLanguageCode("zh_CN"), "zh_CN");
  EXPECT_EQ(appLanguageCode("zh-cn"), "zh_CN");
  EXPECT_EQ(appLanguageCode(" DE "), "de");
  EXPECT_EQ(appLanguageCode("fr"), "");
  EXPECT_EQ(appLanguageCode("zh_TW"), "") << "Traditional Chinese is not Simplified";
  EXPECT_EQ(appLanguageCode(""), "");
}

TEST(ViewsAppLanguage, SavesTheChoiceAndIgnoresUnknownOnes) {
  test::EnglishAfterwards english;
  EXPECT_EQ(savedAppLanguage(), "") << "nothing saved: follow the system";
  saveAppLanguage("zh-CN");
  EXPECT_EQ(savedAppLanguage(), "zh_CN");
  EXPECT_EQ(QSettings().value("language").toString(), "zh_CN");
  saveAppLanguage("");
  EXPECT_EQ(savedAppLanguage(), "");
  QSettings().setValue("language", "tlh");  // e.g. a language a later version dropped
  EXPECT_EQ(savedAppLanguage(), "");
}

TEST(ViewsAppLanguage, SystemLanguageIsOneTheAppHas) {
  EXPECT_FALSE(appLanguageCode(systemAppLanguage()).isEmpty()) << systemAppLanguage().toStdString();
}

TEST(ViewsAppLanguage, UnknownLanguageChangesNothing) {
  test::EnglishAfterwards english;
  ASSERT_TRUE(installAppLanguage("de"));
  EXPECT_FALSE(installAppLanguage("tlh"));
  EXPECT_EQ(installedAppLanguage(), "de");
  EXPECT_EQ(QCoreApplication::translate("wb::MainWindow", "&File"), "&Datei");
  ASSERT_TRUE(installAppLanguage("en"));
  EXPECT_EQ(QCoreApplication::translate("wb::MainWindow", "&File"), "&File");
}

}  // namespace
}  // namespace wb
