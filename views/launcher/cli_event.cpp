// parseCliEvent: one JSON line of the CLI's event stream into a CliEvent, with QJsonDocument.
// Every field is optional here: a missing or null number (nlohmann writes NaN as null, e.g. the
// final loss of a run stopped before its first evaluation) stays unset rather than becoming 0.
#include "views/launcher/cli_event.hpp"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

namespace wb {
namespace {

std::optional<double> number(const QJsonObject& object, QLatin1String key) {
  const QJsonValue value = object.value(key);
  if (!value.isDouble()) return std::nullopt;
  return value.toDouble();
}

std::optional<std::int64_t> integer(const QJsonObject& object, QLatin1String key) {
  const QJsonValue value = object.value(key);
  if (!value.isDouble()) return std::nullopt;
  return static_cast<std::int64_t>(value.toInteger(static_cast<qint64>(value.toDouble())));
}

CliEvent::Type typeOf(const QString& name) {
  if (name == QLatin1String("run_started")) return CliEvent::Type::kRunStarted;
  if (name == QLatin1String("step")) return CliEvent::Type::kStep;
  if (name == QLatin1String("eval")) return CliEvent::Type::kEval;
  if (name == QLatin1String("event")) return CliEvent::Type::kEvent;
  if (name == QLatin1String("run_finished")) return CliEvent::Type::kRunFinished;
  if (name == QLatin1String("experiment_finished")) return CliEvent::Type::kExperimentFinished;
  if (name == QLatin1String("detached")) return CliEvent::Type::kDetached;
  return CliEvent::Type::kUnknown;
}

}  // namespace

CliEventParse parseCliEvent(const QByteArray& line) {
  CliEventParse result;
  const QByteArray trimmed = line.trimmed();
  if (trimmed.isEmpty()) {
    result.blank = true;
    return result;
  }
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
  if (parseError.error != QJsonParseError::NoError) {
    // Not translated: a diagnostic about another program's output, shown with that output.
    result.error = QStringLiteral("not JSON (%1 at offset %2)")
                       .arg(parseError.errorString())
                       .arg(parseError.offset);
    return result;
  }
  if (!document.isObject()) {
    result.error = QStringLiteral("not a JSON object");
    return result;
  }
  const QJsonObject o = document.object();
  if (!o.value(QLatin1String("type")).isString()) {
    result.error = QStringLiteral("no \"type\"");
    return result;
  }

  CliEvent e;
  e.typeName = o.value(QLatin1String("type")).toString();
  e.type = typeOf(e.typeName);
  e.version = o.value(QLatin1String("v")).toInt(0);
  const QJsonObject run = o.value(QLatin1String("run")).toObject();
  e.runId = integer(run, QLatin1String("id")).value_or(0);
  e.runName = run.value(QLatin1String("name")).toString();

  e.step = integer(o, QLatin1String("step"));
  e.totalSteps = integer(o, QLatin1String("total_steps"));
  e.tokens = integer(o, QLatin1String("tokens"));
  e.epoch = number(o, QLatin1String("epoch"));
  e.tokensPerS = number(o, QLatin1String("tokens_per_s"));
  e.wallS = number(o, QLatin1String("wall_s"));
  e.kind = o.value(QLatin1String("kind")).toString();
  e.status = o.value(QLatin1String("status")).toString();
  e.error = o.value(QLatin1String("error")).toString();

  switch (e.type) {
    case CliEvent::Type::kRunStarted: {
      const QJsonObject plan = o.value(QLatin1String("plan")).toObject();
      e.startStep = integer(o, QLatin1String("start_step"));
      e.totalSteps = integer(plan, QLatin1String("total_steps"));
      e.tokensPerStep = integer(plan, QLatin1String("tokens_per_step"));
      e.trainTokens = integer(plan, QLatin1String("train_tokens"));
      e.device = o.value(QLatin1String("device")).toString();
      break;
    }
    case CliEvent::Type::kStep:
      e.loss = number(o, QLatin1String("loss"));
      break;
    case CliEvent::Type::kEval:
      e.loss = number(o, QLatin1String("train_loss"));
      e.valLoss = number(o, QLatin1String("val_loss"));
      break;
    case CliEvent::Type::kRunFinished:
      e.step = integer(o, QLatin1String("steps"));
      e.valLoss = number(o, QLatin1String("final_val_loss"));
      e.bestValLoss = number(o, QLatin1String("best_val_loss"));
      break;
    case CliEvent::Type::kExperimentFinished:
      e.experimentId = integer(o, QLatin1String("experiment_id")).value_or(0);
      e.interrupted = o.value(QLatin1String("interrupted")).toBool(false);
      e.resultsDir = o.value(QLatin1String("results_dir")).toString();
      break;
    case CliEvent::Type::kDetached:
      e.experimentId = integer(o, QLatin1String("experiment_id")).value_or(0);
      e.target = o.value(QLatin1String("target")).toString();
      e.launch = o.value(QLatin1String("launch")).toString();
      e.message = o.value(QLatin1String("message")).toString();
      break;
    case CliEvent::Type::kEvent:
    case CliEvent::Type::kUnknown:
      break;
  }
  result.event = std::move(e);
  return result;
}

}  // namespace wb
