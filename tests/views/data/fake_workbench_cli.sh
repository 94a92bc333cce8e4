#!/bin/sh
# A stand-in for workbench-cli in the launcher tests (tests/views/launcher_test.cpp): prints the
# JSON lines of one run the way `workbench-cli run SPEC --events jsonl` does (docs/cli.md), in
# small steps, and behaves like the CLI on SIGINT (checkpoint, interrupted, exit 130). Driven by
# environment variables, so the launcher passes its arguments as it would to the real CLI:
#   FAKE_CLI_ARGS_FILE  write the arguments here, one per line
#   FAKE_CLI_MODE       train (default) | fail (exit 2, error and fix on stderr) |
#                       stubborn (ignores SIGINT: only a kill ends it) | detach (at step 400,
#                       a remote follower giving up: a `detached` line, exit 130)
#   FAKE_CLI_HOLD_FILE  after step 500 and its evaluation, wait until this file exists
#   FAKE_CLI_RUN_ID     the run id in the events (default 7)
#   FAKE_CLI_EXPERIMENT_ID  the experiment id of experiment_finished (default 3)
#   FAKE_CLI_SIGNAL_FILE    write the name of the signal that stopped it here (INT or TERM)
# The run: 1000 steps of 1000 tokens at 50000 tokens/s, step lines every 100 steps, evaluations
# at 500 (val_loss 2.5) and 1000 (2.25); one line that is not JSON and one of an unknown type.
if [ -n "$FAKE_CLI_ARGS_FILE" ]; then printf '%s\n' "$@" > "$FAKE_CLI_ARGS_FILE"; fi
mode=${FAKE_CLI_MODE:-train}
id=${FAKE_CLI_RUN_ID:-7}
experiment=${FAKE_CLI_EXPERIMENT_ID:-3}
run="\"run\":{\"id\":$id,\"name\":\"mini/epochs=4\"}"

if [ "$mode" = fail ]; then
  echo "loading spec..." >&2
  echo "error: data.epochs: must be a positive integer, got 0" >&2
  echo "  fix: set data.epochs to 1 or more (docs/spec.md)" >&2
  exit 2
fi

interrupted=0
if [ "$mode" = stubborn ]; then trap '' INT TERM; else
  trap 'interrupted=1; [ -z "$FAKE_CLI_SIGNAL_FILE" ] || echo INT > "$FAKE_CLI_SIGNAL_FILE"' INT
  trap 'interrupted=1; [ -z "$FAKE_CLI_SIGNAL_FILE" ] || echo TERM > "$FAKE_CLI_SIGNAL_FILE"' TERM
fi

stop_if_interrupted() {
  [ "$interrupted" = 1 ] || return 0
  echo "{\"v\":1,\"type\":\"event\",$run,\"kind\":\"checkpoint\",\"step\":$1,\"tokens\":$(($1 * 1000)),\"data\":{},\"wall_s\":1.0}"
  echo "{\"v\":1,\"type\":\"run_finished\",$run,\"status\":\"interrupted\",\"steps\":$1,\"final_val_loss\":null,\"best_val_loss\":null,\"best_step\":0,\"wall_s\":1.0}"
  echo "{\"v\":1,\"type\":\"experiment_finished\",\"experiment_id\":$experiment,\"interrupted\":true,\"results_dir\":\"/tmp/r\",\"runs\":[]}"
  echo "Interrupted: continue with \`workbench-cli resume --experiment $experiment\`" >&2
  exit 130
}

echo "{\"v\":1,\"type\":\"run_started\",$run,\"start_step\":0,\"parameters\":100000,\"device\":\"cpu\",\"plan\":{\"tokens_per_step\":1000,\"total_steps\":1000,\"train_tokens\":1000000,\"unique_tokens\":250000,\"epochs\":4},\"spec\":{}}"
echo "mini/epochs=4: training on cpu" >&2
echo "this line is not JSON"
echo '{"v":2,"type":"from_the_future","run":{"id":1,"name":"x"}}'
step=100
while [ $step -le 1000 ]; do
  stop_if_interrupted $step
  line="{\"v\":1,\"type\":\"step\",$run,\"step\":$step,\"total_steps\":1000,\"tokens\":$((step * 1000)),\"epoch\":$((step * 4 / 1000)),\"lr\":0.001,\"loss\":3.0,\"tokens_per_s\":50000,\"wall_s\":1.0}"
  if [ "$mode" = detach ] && [ $step = 400 ]; then
    echo "{\"v\":1,\"type\":\"detached\",\"experiment_id\":$experiment,\"target\":\"ssh://gpu-box\",\"launch\":\"20261207-120000-k3x9q2\",\"message\":\"gave up reaching ssh://gpu-box after 20 attempts; the run goes on there\"}"
    echo "gave up reaching ssh://gpu-box after 20 attempts; the run goes on there. Follow it again: \`workbench-cli attach 20261207-120000-k3x9q2\`" >&2
    exit 130
  fi
  if [ $step = 300 ]; then  # a line that arrives in two pieces
    printf '%s' "$(echo "$line" | cut -c1-40)"; sleep 0.05; echo "$line" | cut -c41-
  else
    echo "$line"
  fi
  if [ $step = 500 ]; then
    echo "{\"v\":1,\"type\":\"eval\",$run,\"step\":500,\"tokens\":500000,\"epoch\":2,\"lr\":0.001,\"train_loss\":2.4,\"val_loss\":2.5,\"tokens_per_s\":50000,\"wall_s\":1.0,\"metrics\":{}}"
    if [ -n "$FAKE_CLI_HOLD_FILE" ]; then
      while [ ! -e "$FAKE_CLI_HOLD_FILE" ]; do stop_if_interrupted 500; sleep 0.02; done
    fi
  fi
  sleep 0.02
  step=$((step + 100))
done
echo "{\"v\":1,\"type\":\"eval\",$run,\"step\":1000,\"tokens\":1000000,\"epoch\":4,\"lr\":0.001,\"train_loss\":2.1,\"val_loss\":2.25,\"tokens_per_s\":50000,\"wall_s\":2.0,\"metrics\":{}}"
echo "{\"v\":1,\"type\":\"run_finished\",$run,\"status\":\"finished\",\"steps\":1000,\"final_val_loss\":2.25,\"best_val_loss\":2.25,\"best_step\":1000,\"wall_s\":2.0}"
echo "{\"v\":1,\"type\":\"experiment_finished\",\"experiment_id\":$experiment,\"interrupted\":false,\"results_dir\":\"/tmp/r\",\"runs\":[]}"
echo "Results: /tmp/r (summary.csv, metrics.csv)" >&2
