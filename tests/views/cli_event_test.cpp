// parseCliEvent: a table of lines as workbench-cli writes them (core/cli/jsonl_events.cpp), and
// lines it should never write: blank, not JSON, not an object, no type, a newer version.
#include "views/launcher/cli_event.hpp"

#include <gtest/gtest.h>

namespace wb {
namespace {

using Type = CliEvent::Type;

TEST(CliEvent, ParsesEveryTypeOfTheStream) {
  const auto started = parseCliEvent(
      R"({"v":1,"type":"run_started","run":{"id":12,"name":"tc/epochs=4"},"start_step":250,"parameters":5000000,)"
      R"("device":"cuda","plan":{"tokens_per_step":8192,"total_steps":1500,"train_tokens":12288000,)"
      R"("unique_tokens":3072000,"epochs":4},"spec":{"name":"tc"}})");
  ASSERT_TRUE(started.event) << started.error.toStdString();
  EXPECT_EQ(started.event->type, Type::kRunStarted);
  EXPECT_EQ(started.event->version, 1);
  EXPECT_EQ(started.event->runId, 12);
  EXPECT_EQ(started.event->runName, "tc/epochs=4");
  EXPECT_EQ(started.event->startStep, 250);
  EXPECT_EQ(started.event->totalSteps, 1500);
  EXPECT_EQ(started.event->tokensPerStep, 8192);
  EXPECT_EQ(started.event->trainTokens, 12288000);
  EXPECT_EQ(started.event->device, "cuda");

  const auto step = parseCliEvent(
      R"({"v":1,"type":"step","run":{"id":12,"name":"tc/epochs=4"},"step":300,"total_steps":1500,)"
      R"("tokens":2457600,"epoch":0.8,"lr":0.0006,"loss":3.25,"tokens_per_s":71300.5,"wall_s":34.5})"
      "\n");
  ASSERT_TRUE(step.event);
  EXPECT_EQ(step.event->type, Type::kStep);
  EXPECT_EQ(step.event->step, 300);
  EXPECT_EQ(step.event->totalSteps, 1500);
  EXPECT_EQ(step.event->tokens, 2457600);
  EXPECT_DOUBLE_EQ(*step.event->epoch, 0.8);
  EXPECT_DOUBLE_EQ(*step.event->loss, 3.25);
  EXPECT_DOUBLE_EQ(*step.event->tokensPerS, 71300.5);
  EXPECT_DOUBLE_EQ(*step.event->wallS, 34.5);
  EXPECT_FALSE(step.event->valLoss);

  const auto eval = parseCliEvent(
      R"({"v":1,"type":"eval","run":{"id":12,"name":"x"},"step":500,"tokens":4096000,"epoch":1.3,"lr":0.0005,)"
      R"("train_loss":2.9,"val_loss":3.1,"tokens_per_s":70000,"wall_s":60,"metrics":{"flops":1e15}})");
  ASSERT_TRUE(eval.event);
  EXPECT_EQ(eval.event->type, Type::kEval);
  EXPECT_DOUBLE_EQ(*eval.event->loss, 2.9);
  EXPECT_DOUBLE_EQ(*eval.event->valLoss, 3.1);

  const auto event = parseCliEvent(
      R"({"v":1,"type":"event","run":{"id":12,"name":"x"},"kind":"checkpoint","step":500,"tokens":4096000,"data":{},"wall_s":61})");
  ASSERT_TRUE(event.event);
  EXPECT_EQ(event.event->type, Type::kEvent);
  EXPECT_EQ(event.event->kind, "checkpoint");
  EXPECT_EQ(event.event->step, 500);

  const auto failed = parseCliEvent(
      R"({"v":1,"type":"run_finished","run":{"id":12,"name":"x"},"status":"failed","steps":812,)"
      R"("final_val_loss":null,"best_val_loss":3.0,"best_step":500,"wall_s":90,"error":"loss became NaN"})");
  ASSERT_TRUE(failed.event);
  EXPECT_EQ(failed.event->type, Type::kRunFinished);
  EXPECT_EQ(failed.event->status, "failed");
  EXPECT_EQ(failed.event->step, 812);
  EXPECT_FALSE(failed.event->valLoss) << "null (NaN) stays unset, not 0";
  EXPECT_DOUBLE_EQ(*failed.event->bestValLoss, 3.0);
  EXPECT_EQ(failed.event->error, "loss became NaN");

  const auto experiment = parseCliEvent(
      R"({"v":1,"type":"experiment_finished","experiment_id":4,"interrupted":true,"results_dir":"/h/results/tc-4","runs":[]})");
  ASSERT_TRUE(experiment.event);
  EXPECT_EQ(experiment.event->type, Type::kExperimentFinished);
  EXPECT_EQ(experiment.event->experimentId, 4);
  EXPECT_TRUE(experiment.event->interrupted);
  EXPECT_EQ(experiment.event->resultsDir, "/h/results/tc-4");
  EXPECT_EQ(experiment.event->runId, 0);

  const auto detached = parseCliEvent(
      R"({"v":1,"type":"detached","experiment_id":5,"target":"ssh://gpu-box","launch":"20261207-120000-k3x9q2",)"
      R"("message":"gave up reaching ssh://gpu-box after 20 attempts; the run goes on there"})");
  ASSERT_TRUE(detached.event);
  EXPECT_EQ(detached.event->type, Type::kDetached);
  EXPECT_EQ(detached.event->experimentId, 5);
  EXPECT_EQ(detached.event->target, "ssh://gpu-box");
  EXPECT_EQ(detached.event->launch, "20261207-120000-k3x9q2");
  EXPECT_TRUE(detached.event->message.startsWith("gave up reaching"));
  EXPECT_FALSE(detached.event->interrupted);
}

TEST(CliEvent, ToleratesUnknownTypesAndVersions) {
  const auto future = parseCliEvent(R"({"v":2,"type":"gpu_memory","run":{"id":3,"name":"a"},"bytes":1})");
  ASSERT_TRUE(future.event);
  EXPECT_EQ(future.event->type, Type::kUnknown);
  EXPECT_EQ(future.event->typeName, "gpu_memory");
  EXPECT_EQ(future.event->version, 2);
  // A newer version of a known type is read by the fields it still has.
  const auto newerStep = parseCliEvent(R"({"v":3,"type":"step","step":10,"extra":[1,2]})");
  ASSERT_TRUE(newerStep.event);
  EXPECT_EQ(newerStep.event->type, Type::kStep);
  EXPECT_EQ(newerStep.event->step, 10);
  // Fields of the wrong type are left unset rather than read as 0.
  const auto wrong = parseCliEvent(R"({"v":1,"type":"step","step":"ten","loss":"x"})");
  ASSERT_TRUE(wrong.event);
  EXPECT_FALSE(wrong.event->step);
  EXPECT_FALSE(wrong.event->loss);
}

TEST(CliEvent, ReportsMalformedLinesWithoutAnEvent) {
  struct Case {
    const char* line;
    const char* error;  // a part of the error; nullptr: a blank line
  };
  const Case cases[] = {
      {"", nullptr},
      {"   \r\n", nullptr},
      {"Results: /tmp/r (summary.csv)", "not JSON"},
      {R"({"v":1,"type":"step","step":)", "not JSON"},
      {"[1, 2]", "not a JSON object"},
      {"42", "not"},
      {R"({"v":1,"step":3})", "no \"type\""},
      {R"({"v":1,"type":7})", "no \"type\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    const CliEventParse parsed = parseCliEvent(QByteArray(c.line));
    EXPECT_FALSE(parsed.event);
    if (c.error) {
      EXPECT_FALSE(parsed.blank);
      EXPECT_TRUE(parsed.error.contains(QString::fromUtf8(c.error))) << parsed.error.toStdString();
    } else {
      EXPECT_TRUE(parsed.blank);
      EXPECT_TRUE(parsed.error.isEmpty());
    }
  }
}

}  // namespace
}  // namespace wb
