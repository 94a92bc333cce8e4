// The catalog of every run-spec field the experiment designer's form edits (docs/spec.md): its
// dotted path, kind, unit, range, choices, default and a tooltip that explains it in the terms of
// the studies (Xue et al. 2023, Muennighoff et al. 2023, Hoffmann et al. 2022, Ibrahim et al.
// 2024). One table, so that the form, the grid editor's factor list and error mapping agree.
#pragma once

#include <QString>
#include <QStringList>
#include <string_view>
#include <vector>

namespace wb {

enum class FieldKind { kInt, kFloat, kBool, kChoice, kText, kList };

// The form's sections, in display order.
enum class FormSection { kData, kModel, kOptimizer, kTraining, kObjective, kRegularization, kEvaluation, kContinual };

struct SpecField {
  const char* path;           // "model.n_head"; model.dropout.* are the keys of the dropout object
  FieldKind kind;
  FormSection section;
  const char* unit;           // QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", ...), or nullptr
  double min;                 // NaN: open
  double max;
  const char* choices;        // kChoice: "a|b|c"
  const char* default_json;   // the parser's default as JSON text; nullptr: unset unless given
  const char* tooltip;        // QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", ...)
};

const std::vector<SpecField>& specFields();
const SpecField* findSpecField(std::string_view path);

// The form field an error about `path` belongs to: the field itself, the first field inside it
// ("model.dropout" -> "model.dropout.rate"), or the nearest field it lies in. nullptr if none.
const SpecField* fieldForPath(std::string_view path);

QString fieldLabel(const SpecField& field);    // the spec's own key, e.g. "n_head", "moe.top_k"
QString fieldUnit(const SpecField& field);     // translated; empty when none
QString fieldTooltip(const SpecField& field);  // translated explanation + range + default
QStringList fieldChoices(const SpecField& field);
QString sectionTitle(FormSection section);     // translated

}  // namespace wb
