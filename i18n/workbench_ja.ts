<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>main</name>
    <message>
        <source>Repetition Workbench: browse the runs of data-repetition experiments.</source>
        <translation>Repetition Workbench：データ反復実験の実行を閲覧します。</translation>
    </message>
    <message>
        <source>Run database to show (default: %1).</source>
        <translation>表示する実行データベース（既定値：%1）。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>Language of the user interface: %1 (default: the language chosen in the View menu, else the system language).</source>
        <translation>ユーザーインターフェースの言語：%1（既定値：「表示」メニューで選んだ言語、未選択ならシステムの言語）。</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation>不明な言語「%1」です。次のいずれかを指定してください：%2。</translation>
    </message>
    <message>
        <source>Without a window: `workbench export --help`, `workbench screenshot --help`.</source>
        <translation>ウィンドウなしで：`workbench export --help`、`workbench screenshot --help`。</translation>
    </message>
</context>
<context>
    <name>wb::CliJob</name>
    <message>
        <source>starting</source>
        <translation>起動中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>停止中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>[a line of more than %1 MiB without a newline was dropped]</source>
        <translation>[改行のない %1 MiB を超える行を破棄しました]</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 が失敗しました: %2</translation>
    </message>
    <message>
        <source>Killed before it wrote a checkpoint: Resume continues from the last one.</source>
        <translation>チェックポイントを書く前に強制終了しました。「再開」は最後のチェックポイントから続けます。</translation>
    </message>
    <message>
        <source>Stopped before training began.</source>
        <translation>学習が始まる前に停止しました。</translation>
    </message>
    <message>
        <source>workbench-cli ended abnormally (a signal). %1</source>
        <translation>workbench-cli が異常終了しました（シグナル）。%1</translation>
    </message>
    <message>
        <source>Stopped: Resume continues from the checkpoint.</source>
        <translation>停止しました。「再開」はチェックポイントから続けます。</translation>
    </message>
    <message>
        <source>Stopped: a checkpoint was written; Resume continues from it.</source>
        <translation>停止しました。チェックポイントを書きました。「再開」はそこから続けます。</translation>
    </message>
    <message>
        <source>No longer followed (%1 keeps training it): Resume follows it again.</source>
        <translation>追跡を終了しました（%1 で学習は続いています）。「再開」で再び追跡します。</translation>
    </message>
    <message>
        <source>the remote host</source>
        <translation>リモートホスト</translation>
    </message>
    <message>
        <source>Training or I/O failed: %1</source>
        <translation>学習または入出力に失敗しました: %1</translation>
    </message>
    <message>
        <source>Bad command line or spec: %1</source>
        <translation>コマンドラインまたは実験設定の誤り: %1</translation>
    </message>
    <message>
        <source>Data problem: %1</source>
        <translation>データの問題: %1</translation>
    </message>
    <message>
        <source>Run database problem: %1</source>
        <translation>実行データベースの問題: %1</translation>
    </message>
    <message>
        <source>workbench-cli exited with code %1: %2</source>
        <translation>workbench-cli がコード %1 で終了しました: %2</translation>
    </message>
    <message>
        <source>Cannot start %1: %2. Set WB_CLI to the workbench-cli program, or put it on PATH.</source>
        <translation>%1 を起動できません: %2。WB_CLI に workbench-cli プログラムを設定するか、PATH に置いてください。</translation>
    </message>
</context>
<context>
    <name>wb::CompareControls</name>
    <message>
        <source>each run</source>
        <translation>各実行</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>unique tokens</source>
        <translation>ユニークトークン数</translation>
    </message>
    <message>
        <source>token budget</source>
        <translation>トークン予算</translation>
    </message>
    <message>
        <source>model width</source>
        <translation>モデル幅</translation>
    </message>
    <message>
        <source>model depth</source>
        <translation>モデルの深さ</translation>
    </message>
    <message>
        <source>architecture</source>
        <translation>アーキテクチャ</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>学習目的</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>ドロップアウト</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>学習率スケジュール</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>リプレイ</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>log x</source>
        <translation>対数 x</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>対数 y</translation>
    </message>
    <message>
        <source>The metric to plot: validation loss, the loss on another corpus, a downstream score, ...</source>
        <translation>表示する指標：検証損失、別コーパスでの損失、下流タスクのスコアなど</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>経過時間</translation>
    </message>
    <message>
        <source>Runs with the same value of this spec field share a colour and a legend entry</source>
        <translation>この設定項目の値が同じ実行は、色と凡例項目を共有します</translation>
    </message>
    <message>
        <source>Debiased exponential moving average, as in TensorBoard; the raw curve stays as a faint shadow</source>
        <translation>TensorBoard と同じバイアス補正付き指数移動平均。元の曲線は薄い影として残ります</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>against</source>
        <translation>横軸</translation>
    </message>
    <message>
        <source>colour by</source>
        <translation>色分け</translation>
    </message>
    <message>
        <source>smoothing</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <source>overlaid</source>
        <translation>重ね表示</translation>
    </message>
    <message>
        <source>small multiples</source>
        <translation>スモールマルチプル</translation>
    </message>
    <message>
        <source>One chart with every run, or one panel per level of the colour-by factor</source>
        <translation>すべての実行を1つのグラフに、または色分け因子の水準ごとに1パネル</translation>
    </message>
    <message>
        <source>same axes</source>
        <translation>軸を共有</translation>
    </message>
    <message>
        <source>Every panel shows the same x and y range, so panels compare by eye</source>
        <translation>すべてのパネルが同じ x・y 範囲を表示し、目で比較できます</translation>
    </message>
    <message>
        <source>mean of seeds</source>
        <translation>シード平均</translation>
    </message>
    <message>
        <source>Runs that differ only in training.seed are drawn as their mean with a min/max band</source>
        <translation>training.seed だけが異なる実行を、平均と最小／最大の帯で描きます</translation>
    </message>
</context>
<context>
    <name>wb::CompareWidget</name>
    <message>
        <source>Select runs in the list to compare them here (Ctrl- or Shift-click for several).</source>
        <translation>一覧で実行を選ぶとここで比較できます（複数選択は Ctrl または Shift を押しながらクリック）。</translation>
    </message>
    <message>
        <source>Cannot draw these runs: %1</source>
        <translation>これらの実行を描画できません：%1</translation>
    </message>
</context>
<context>
    <name>wb::DatabaseMessageWidget</name>
    <message>
        <source>Open database…</source>
        <translation>データベースを開く…</translation>
    </message>
</context>
<context>
    <name>wb::DownstreamPanel</name>
    <message>
        <source>No downstream scores in these runs. Add eval.downstream.tasks (cloze, next_passage) to the spec to score them while they train.</source>
        <translation>これらの実行には下流タスクのスコアがありません。仕様に eval.downstream.tasks（cloze、next_passage）を追加すると、学習中に評価されます。</translation>
    </message>
    <message>
        <source>Downstream, final</source>
        <translation>下流タスク（最終）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <source>Final downstream scores of the selected runs appear here.</source>
        <translation>選択した実行の最終的な下流タスクのスコアがここに表示されます。</translation>
    </message>
</context>
<context>
    <name>wb::ExpandedRunsModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 日 %2 時間</translation>
    </message>
    <message>
        <source>Predicted by the saved fit &quot;%1&quot;</source>
        <translation>保存済みフィット「%1」による予測</translation>
    </message>
    <message>
        <source>No finished run in this database measured a throughput yet</source>
        <translation>このデータベースの完了した実行はまだスループットを測定していません</translation>
    </message>
    <message>
        <source>cannot plan</source>
        <translation>計画できません</translation>
    </message>
    <message>
        <source>U: distinct training tokens, in whole sequences</source>
        <translation>U: 異なる学習トークン数（完全なシーケンス単位）</translation>
    </message>
    <message>
        <source>R = D / U: how often each unique token is seen</source>
        <translation>R = D / U: 各ユニークトークンが見られる回数</translation>
    </message>
    <message>
        <source>D: training tokens, whole optimizer steps of the budget</source>
        <translation>D: 学習トークン数（予算内の完全なオプティマイザステップ）</translation>
    </message>
    <message>
        <source>N: trainable parameters (vocabulary estimated from the tokenizer)</source>
        <translation>N: 学習可能パラメータ数（語彙はトークナイザから推定）</translation>
    </message>
    <message>
        <source>Training FLOPs: FLOPs per token (6 N + attention) x D</source>
        <translation>学習 FLOPs: トークンあたり FLOPs（6 N + アテンション）x D</translation>
    </message>
    <message>
        <source>Wall time at the model FLOP/s the newest finished runs of this database measured</source>
        <translation>このデータベースの最新の完了した実行が測定したモデル FLOP/s での所要時間</translation>
    </message>
    <message>
        <source>Final validation loss predicted by a saved scaling-law fit (data-constrained for repeated data, else Chinchilla)</source>
        <translation>保存済みのスケーリング則フィットによる最終検証損失の予測（繰り返しデータにはデータ制約則、それ以外は Chinchilla）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Unique tokens</source>
        <translation>ユニークトークン</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメータ</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Est. time</source>
        <translation>推定時間</translation>
    </message>
    <message>
        <source>Predicted loss</source>
        <translation>予測損失</translation>
    </message>
</context>
<context>
    <name>wb::ExperimentDesigner</name>
    <message>
        <source>Cannot load spec</source>
        <translation>仕様を読み込めません</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not a JSON object (an experiment spec is one JSON object)</source>
        <translation>%1: JSON オブジェクトではありません（実験仕様は 1 つの JSON オブジェクトです）</translation>
    </message>
    <message>
        <source>Cannot save spec</source>
        <translation>仕様を保存できません</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 件の実行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>%1 FLOPs</source>
        <translation>%1 FLOPs</translation>
    </message>
    <message>
        <source>about %1 in sequence</source>
        <translation>順に実行して約 %1</translation>
    </message>
    <message>
        <source>no measured throughput yet</source>
        <translation>測定済みのスループットはまだありません</translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation>無効: %1</translation>
    </message>
    <message>
        <source>Save spec before launching</source>
        <translation>起動前に仕様を保存</translation>
    </message>
    <message>
        <source>Experiment specs (*.json)</source>
        <translation>実験仕様 (*.json)</translation>
    </message>
    <message>
        <source>Save spec</source>
        <translation>仕様を保存</translation>
    </message>
    <message>
        <source>Load spec</source>
        <translation>仕様を読み込む</translation>
    </message>
    <message>
        <source>Choose a preset or a previous experiment…</source>
        <translation>プリセットまたは以前の実験を選択…</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>プリセット: %1</translation>
    </message>
    <message>
        <source>Experiment: %1 (%2)</source>
        <translation>実験: %1（%2）</translation>
    </message>
    <message>
        <source>Experiment %1 has no readable spec</source>
        <translation>実験 %1 には読み取れる仕様がありません</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>開始元:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <source>Experiment name; runs are named NAME/LABEL after their grid point</source>
        <translation>実験名。実行はグリッド点に従って NAME/LABEL と名付けられます</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>説明:</translation>
    </message>
    <message>
        <source>What the experiment tests, e.g. the finding of a study it reproduces</source>
        <translation>実験が検証する内容（例: 再現する研究の知見）</translation>
    </message>
    <message>
        <source>Load spec…</source>
        <translation>仕様を読み込む…</translation>
    </message>
    <message>
        <source>Save spec…</source>
        <translation>仕様を保存…</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>起動</translation>
    </message>
    <message>
        <source>Save the spec and train every run it expands to (workbench-cli run)</source>
        <translation>仕様を保存し、展開されるすべての実行を学習します（workbench-cli run）</translation>
    </message>
</context>
<context>
    <name>wb::FactorGridEditor</name>
    <message>
        <source>Epochs at a fixed token budget</source>
        <translation>固定トークン予算でのエポック数</translation>
    </message>
    <message>
        <source>Unique tokens at a fixed token budget</source>
        <translation>固定トークン予算でのユニークトークン数</translation>
    </message>
    <message>
        <source>Model size (n_layer, n_embd)</source>
        <translation>モデルサイズ（n_layer, n_embd）</translation>
    </message>
    <message>
        <source>Architecture: dense, MoE, shared</source>
        <translation>アーキテクチャ: 密、MoE、共有</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>学習目的</translation>
    </message>
    <message>
        <source>Dropout rate</source>
        <translation>ドロップアウト率</translation>
    </message>
    <message>
        <source>Dropout schedule: constant vs dropstage</source>
        <translation>ドロップアウトスケジュール: 一定 対 dropstage</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>学習率スケジュール</translation>
    </message>
    <message>
        <source>Replay fraction (needs a replay corpus)</source>
        <translation>リプレイ比率（リプレイコーパスが必要）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Factors&lt;/b&gt; (the grid: every combination of the levels is one run)</source>
        <translation>&lt;b&gt;因子&lt;/b&gt;（グリッド: 水準の組み合わせごとに 1 実行）</translation>
    </message>
    <message>
        <source>Add factor</source>
        <translation>因子を追加</translation>
    </message>
    <message>
        <source>Add an empty row, or pick a factor of the studies from the menu</source>
        <translation>空の行を追加するか、メニューから研究の因子を選びます</translation>
    </message>
    <message>
        <source>Runs list (optional, JSON): one object of overrides per run, crossed with the grid</source>
        <translation>実行リスト（任意、JSON）: 実行ごとに上書きオブジェクト 1 つ、グリッドと掛け合わせ</translation>
    </message>
    <message>
        <source>A dotted path into the run spec, e.g. data.epochs or model</source>
        <translation>実行仕様へのドット区切りパス（例: data.epochs、model）</translation>
    </message>
    <message>
        <source>Levels, comma-separated: numbers, words or JSON objects</source>
        <translation>水準（カンマ区切り）: 数値、単語、JSON オブジェクト</translation>
    </message>
    <message>
        <source>e.g. 1, 4, 16, 64</source>
        <translation>例: 1, 4, 16, 64</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>wb::FigureFileExport</name>
    <message>
        <source>a figure must be between 0.5 and 100 inches wide and high</source>
        <translation>図の幅と高さは 0.5～100 インチにしてください</translation>
    </message>
    <message>
        <source>the resolution must be 30-2400 dpi</source>
        <translation>解像度は 30～2400 dpi にしてください</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 に書き込めません</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>不明な形式</translation>
    </message>
    <message>
        <source>unknown file type &quot;%1&quot;: use .png, .svg, .pdf, .csv or .tex</source>
        <translation>不明なファイル形式「%1」：.png、.svg、.pdf、.csv、.tex のいずれかを使ってください</translation>
    </message>
</context>
<context>
    <name>wb::JobListModel</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 runs done)</source>
        <translation>%1（%3 件中 %2 件完了）</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>実行先</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>トークン/秒</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>残り時間</translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation>検証損失</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
</context>
<context>
    <name>wb::LauncherWidget</name>
    <message>
        <source>Run spec…</source>
        <translation>実験設定を実行…</translation>
    </message>
    <message>
        <source>Train every run of an experiment spec file</source>
        <translation>実験設定ファイルのすべての実行を学習する</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop gracefully: the run writes a checkpoint and can be resumed. Stop again later to kill it.</source>
        <translation>穏やかに停止: 実行はチェックポイントを書き、再開できます。後でもう一度停止すると強制終了します。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Continue the interrupted runs from their checkpoints, then the queued ones</source>
        <translation>中断された実行をチェックポイントから続け、次に待機中の実行を行う</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>再実行</translation>
    </message>
    <message>
        <source>Train the same spec again, as a new experiment</source>
        <translation>同じ設定を新しい実験としてもう一度学習する</translation>
    </message>
    <message>
        <source>Duplicate &amp;&amp; edit</source>
        <translation>複製して編集</translation>
    </message>
    <message>
        <source>Open a copy of the spec in the designer</source>
        <translation>設定のコピーをデザイナーで開く</translation>
    </message>
    <message>
        <source>Show output</source>
        <translation>出力を表示</translation>
    </message>
    <message>
        <source>The command line, errors and last lines of the selected job</source>
        <translation>選択したジョブのコマンドライン、エラー、最後の行</translation>
    </message>
    <message>
        <source>Remove ended</source>
        <translation>終了したものを削除</translation>
    </message>
    <message>
        <source>Remove the jobs that have ended from the list</source>
        <translation>終了したジョブを一覧から削除する</translation>
    </message>
    <message>
        <source>No run database is set: open one first.</source>
        <translation>実行データベースが設定されていません。先に開いてください。</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>実行 %1</translation>
    </message>
    <message>
        <source>experiment %1</source>
        <translation>実験 %1</translation>
    </message>
    <message>
        <source>Stopping %1: it finishes the step and writes a checkpoint.</source>
        <translation>%1 を停止しています。現在のステップを終えてチェックポイントを書きます。</translation>
    </message>
    <message>
        <source>%1 is still writing its checkpoint; Stop again after %2 s to kill it.</source>
        <translation>%1 はまだチェックポイントを書いています。%2 秒後にもう一度停止すると強制終了します。</translation>
    </message>
    <message>
        <source>%1 was killed.</source>
        <translation>%1 を強制終了しました。</translation>
    </message>
    <message>
        <source>%1 is not running.</source>
        <translation>%1 は実行中ではありません。</translation>
    </message>
    <message>
        <source>Experiment %1 is not in %2.</source>
        <translation>実験 %1 は %2 にありません。</translation>
    </message>
    <message>
        <source>The spec of %1 is not known yet (a preset? `workbench-cli presets show NAME` prints it).</source>
        <translation>%1 の設定はまだ分かりません（プリセットなら `workbench-cli presets show NAME` で表示できます）。</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <source>Exit code: %1</source>
        <translation>終了コード: %1</translation>
    </message>
    <message numerus="yes">
        <source>Standard error (last %n line(s)):</source>
        <translation>
            <numerusform>標準エラー出力（最後の %n 行）:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Standard output (last %n line(s)):</source>
        <translation>
            <numerusform>標準出力（最後の %n 行）:</numerusform>
        </translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>%1 の出力</translation>
    </message>
    <message>
        <source>Run an experiment spec</source>
        <translation>実験設定を実行</translation>
    </message>
    <message>
        <source>Experiment specs (*.json)</source>
        <translation>実験設定 (*.json)</translation>
    </message>
    <message>
        <source>New jobs still run on %1: %2</source>
        <translation>新しいジョブは引き続き %1 で実行されます: %2</translation>
    </message>
    <message>
        <source>New jobs run on %1; their runs are imported into this database as they train.</source>
        <translation>新しいジョブは %1 で実行されます。その実行は学習中にこのデータベースへ取り込まれます。</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>実行先:</translation>
    </message>
    <message>
        <source>Where new jobs train: this computer, or another host as ssh://[user@]host[:port] (the system ssh with your keys; the runs appear in this database as they train)</source>
        <translation>新しいジョブの学習先: このコンピューター、または ssh://[user@]host[:port] で指定する別のホスト（システムの ssh とあなたの鍵を使用。実行は学習中にこのデータベースに表示されます）</translation>
    </message>
    <message>
        <source>Ranks:</source>
        <translation>ランク数:</translation>
    </message>
    <message>
        <source>Data-parallel processes per run (--nproc): each trains batch_size / N sequences of every batch, one GPU each where there are GPUs; the run&apos;s curve stays the same</source>
        <translation>実行ごとのデータ並列プロセス数（--nproc）：各プロセスが各バッチの batch_size / N 系列を学習し、GPU があれば 1 プロセスに 1 GPU を使います。実行の曲線は変わりません</translation>
    </message>
    <message>
        <source>New jobs on %1 go through its Slurm queue (sbatch).</source>
        <translation>%1 の新しいジョブはその Slurm キュー（sbatch）を通ります。</translation>
    </message>
    <message>
        <source>New jobs on %1 train on the host itself.</source>
        <translation>%1 の新しいジョブはホスト上で直接訓練します。</translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>The host is a cluster&apos;s login node: submit each job there with sbatch (--remote-slurm); its runs are imported into this database as they train</source>
        <translation>ホストはクラスタのログインノードです：各ジョブをそこで sbatch により投入します（--remote-slurm）。その実行は訓練中にこのデータベースへ取り込まれます</translation>
    </message>
</context>
<context>
    <name>wb::LocalTarget</name>
    <message>
        <source>this computer</source>
        <translation>このコンピューター</translation>
    </message>
</context>
<context>
    <name>wb::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>データベースを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>システムの既定（%1）</translation>
    </message>
    <message>
        <source>%1 is not available in this build.</source>
        <translation>このビルドには%1が含まれていません。</translation>
    </message>
    <message>
        <source>Language: %1 — saved for the next start</source>
        <translation>言語：%1 — 次回の起動時にも使うよう保存しました</translation>
    </message>
    <message>
        <source>Repetition Workbench — %1</source>
        <translation>Repetition Workbench — %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 件の実行</numerusform>
        </translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>未作成</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>読み取れません</translation>
    </message>
    <message>
        <source>Open run database</source>
        <translation>実行データベースを開く</translation>
    </message>
    <message>
        <source>Run databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>実行データベース (*.db *.sqlite *.sqlite3);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>&amp;Export figure…</source>
        <translation>図をエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>図をエクスポート</translation>
    </message>
    <message>
        <source>Select the runs to plot in the list first.</source>
        <translation>まず一覧で描画する実行を選んでください。</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG, 300 dpi (*.png);;CSV data (*.csv);;pgfplots for LaTeX (*.tex)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG、300 dpi (*.png);;CSV データ (*.csv);;LaTeX 用 pgfplots (*.tex)</translation>
    </message>
    <message>
        <source>Saved %1 (3.25 in wide, single column)</source>
        <translation>%1 を保存しました（幅 3.25 インチ、1 段組）</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>モニター</translation>
    </message>
    <message>
        <source>In the database</source>
        <translation>データベース内</translation>
    </message>
    <message>
        <source>Launched here</source>
        <translation>ここで起動</translation>
    </message>
    <message>
        <source>workbench-cli jobs started from this window: progress, ETA, stop, resume</source>
        <translation>このウィンドウから起動した workbench-cli ジョブ：進捗、残り時間、停止、再開</translation>
    </message>
    <message>
        <source>The experiment&apos;s stored spec is not valid JSON; it cannot be edited.</source>
        <translation>この実験の保存された仕様は有効な JSON ではないため、編集できません。</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>設計</translation>
    </message>
</context>
<context>
    <name>wb::RunActions</name>
    <message>
        <source>%1 is still running.</source>
        <translation>%1 はまだ実行中です。</translation>
    </message>
    <message>
        <source>%1 has finished: Re-run trains its experiment again.</source>
        <translation>%1 は完了しています。「再実行」でその実験をもう一度学習します。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 を作成できません: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>%1 is not running.</source>
        <translation>%1 は実行中ではありません。</translation>
    </message>
    <message>
        <source>%1 runs on %2: stop it there (Ctrl-C in its terminal, or kill -INT %3).</source>
        <translation>%1 は %2 で実行中です。そちらで停止してください（端末で Ctrl-C、または kill -INT %3）。</translation>
    </message>
    <message>
        <source>The process of %1 (pid %2) is gone: Resume continues the run from its last checkpoint.</source>
        <translation>%1 のプロセス（pid %2）はもうありません。「再開」で最後のチェックポイントから続けます。</translation>
    </message>
    <message>
        <source>Process %1 is not a workbench-cli (the pid was reused?): %2 was not stopped.</source>
        <translation>プロセス %1 は workbench-cli ではありません（pid が再利用された？）。%2 は停止していません。</translation>
    </message>
    <message>
        <source>Cannot signal process %1: %2.</source>
        <translation>プロセス %1 にシグナルを送れません: %2。</translation>
    </message>
    <message>
        <source>Asked %1 (pid %2) to stop: it writes a checkpoint and marks the run interrupted.</source>
        <translation>%1（pid %2）に停止を要求しました。チェックポイントを書き、実行を中断済みにします。</translation>
    </message>
</context>
<context>
    <name>wb::RunDatabase</name>
    <message>
        <source>No run database yet</source>
        <translation>実行データベースはまだありません</translation>
    </message>
    <message>
        <source>There is no run database at %1 yet.

Start a run with &quot;workbench-cli run SPEC.json&quot;: it appears here within two seconds. Or choose another database with File &gt; Open database…</source>
        <translation>%1 には実行データベースがまだありません。

「workbench-cli run SPEC.json」で実行を開始すると、2 秒以内にここに表示されます。または「ファイル &gt; データベースを開く…」で別のデータベースを選んでください。</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>対処法：%1</translation>
    </message>
    <message>
        <source>Cannot show the run database</source>
        <translation>実行データベースを表示できません</translation>
    </message>
</context>
<context>
    <name>wb::RunListModel</name>
    <message>
        <source>%1, pid %2</source>
        <translation>%1、PID %2</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>実験</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>終了日時</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
</context>
<context>
    <name>wb::RunListWidget</name>
    <message>
        <source>Open in monitor</source>
        <translation>モニターで開く</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Re-run experiment</source>
        <translation>実験を再実行</translation>
    </message>
    <message>
        <source>Duplicate and edit…</source>
        <translation>複製して編集…</translation>
    </message>
</context>
<context>
    <name>wb::RunMonitorHeader</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>step %1 of %2 (%3%)</source>
        <translation>ステップ %1 / %2（%3%）</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>エポック %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 トークン/秒</translation>
    </message>
    <message>
        <source>elapsed %1</source>
        <translation>経過 %1</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>残り約 %1</translation>
    </message>
    <message>
        <source>best validation loss %1 at step %2</source>
        <translation>最良の検証損失 %1（ステップ %2）</translation>
    </message>
    <message>
        <source>no validation loss yet</source>
        <translation>検証損失はまだありません</translation>
    </message>
    <message>
        <source>overfitting from step %1 (epoch %2)</source>
        <translation>ステップ %1 から過学習（エポック %2）</translation>
    </message>
    <message>
        <source>no overfitting detected</source>
        <translation>過学習は検出されていません</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>エラー：%1</translation>
    </message>
    <message>
        <source>too few evaluations to detect overfitting (%1 of the %2 it needs; evaluate more often: training.eval_interval)</source>
        <translation>過学習を検出するには評価が少なすぎます（%1 回、必要なのは %2 回。評価の間隔を短く: training.eval_interval）</translation>
    </message>
</context>
<context>
    <name>wb::RunMonitorWidget</name>
    <message>
        <source>against</source>
        <translation>横軸</translation>
    </message>
    <message>
        <source>smoothing</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>経過時間</translation>
    </message>
    <message>
        <source>Smoothing of the per-step training loss: a debiased exponential moving average, as in TensorBoard; the raw loss stays as a faint shadow</source>
        <translation>ステップごとの訓練損失の平滑化：TensorBoard と同じバイアス補正付き指数移動平均。元の損失は薄い影として残ります</translation>
    </message>
    <message>
        <source>No loss logged yet.</source>
        <translation>損失はまだ記録されていません。</translation>
    </message>
    <message>
        <source>No learning rate logged yet.</source>
        <translation>学習率はまだ記録されていません。</translation>
    </message>
    <message>
        <source>No throughput logged yet: the trainer logs it at each evaluation.</source>
        <translation>スループットはまだ記録されていません。トレーナーは評価のたびに記録します。</translation>
    </message>
    <message>
        <source>No dropout in this run.</source>
        <translation>この実行ではドロップアウトを使っていません。</translation>
    </message>
    <message>
        <source>No downstream evaluation in this run.</source>
        <translation>この実行には下流タスクの評価がありません。</translation>
    </message>
    <message>
        <source>Choose a run to watch it train.</source>
        <translation>実行を選ぶと、その学習の様子を表示します。</translation>
    </message>
    <message>
        <source>optimizer steps</source>
        <translation>オプティマイザのステップ</translation>
    </message>
    <message>
        <source>training tokens</source>
        <translation>学習トークン</translation>
    </message>
    <message>
        <source>wall time (s)</source>
        <translation>経過時間（秒）</translation>
    </message>
    <message>
        <source>Run %1 is not in this database.</source>
        <translation>実行 %1 はこのデータベースにありません。</translation>
    </message>
    <message>
        <source>Cannot read run %1: %2</source>
        <translation>実行 %1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>training loss (per step)</source>
        <translation>訓練損失（ステップごと）</translation>
    </message>
    <message>
        <source>training loss (mean since the last evaluation)</source>
        <translation>訓練損失（前回の評価以降の平均）</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>検証損失</translation>
    </message>
    <message>
        <source>validation loss, %1</source>
        <translation>検証損失、%1</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>スループット</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>トークン/秒</translation>
    </message>
    <message>
        <source>Dropout rate</source>
        <translation>ドロップアウト率</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>率</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>アテンション</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>埋め込み</translation>
    </message>
    <message>
        <source>Downstream accuracy</source>
        <translation>下流タスクの正解率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>正解率</translation>
    </message>
</context>
<context>
    <name>wb::RunStatus</name>
    <message>
        <source>queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
</context>
<context>
    <name>wb::SpecFieldCatalog</name>
    <message>
        <source>Training corpus: an imported corpus or a built-in recipe (workbench-cli data list).</source>
        <translation>学習コーパス: インポート済みコーパスまたは組み込みレシピ（workbench-cli data list）。</translation>
    </message>
    <message>
        <source>byte: 256 bytes + EOT; char: the training split&apos;s characters; bpe: SentencePiece BPE trained on the training split.</source>
        <translation>byte: 256 バイト + EOT、char: 学習分割の文字、bpe: 学習分割で学習した SentencePiece BPE。</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>BPE vocabulary size (bpe only). A larger vocabulary shortens the token count of the same text.</source>
        <translation>BPE 語彙サイズ（bpe のみ）。語彙が大きいほど同じテキストのトークン数は減ります。</translation>
    </message>
    <message>
        <source>share</source>
        <translation>割合</translation>
    </message>
    <message>
        <source>Share of the corpus held out as whole documents for the validation loss; never trained on.</source>
        <translation>検証損失のために文書単位で取り置くコーパスの割合。学習には使われません。</translation>
    </message>
    <message>
        <source>Which documents are held out for validation.</source>
        <translation>検証用に取り置く文書を決めます。</translation>
    </message>
    <message>
        <source>U: distinct training tokens. At a fixed budget D the run repeats them R = D / U times (Xue et al. 2023&apos;s token crisis). Give this or epochs.</source>
        <translation>U: 異なる学習トークン数。固定予算 D では R = D / U 回繰り返されます（Xue ら 2023 のトークン危機）。これか epochs を指定します。</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>R: times each unique token is seen; U = D / R. Up to about 4 epochs are almost as good as unique data; at 16 a repeated token is worth much less (Muennighoff et al. 2023).</source>
        <translation>R: 各ユニークトークンが見られる回数。U = D / R。約 4 エポックまではユニークデータとほぼ同等、16 では繰り返しトークンの価値はずっと低くなります（Muennighoff ら 2023）。</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>ブロック</translation>
    </message>
    <message>
        <source>Transformer blocks (depth). Larger models overfit sooner when tokens are scarce (Xue et al. 2023).</source>
        <translation>Transformer ブロック数（深さ）。トークンが不足すると大きいモデルほど早く過学習します（Xue ら 2023）。</translation>
    </message>
    <message>
        <source>heads</source>
        <translation>ヘッド</translation>
    </message>
    <message>
        <source>Attention heads; must divide n_embd.</source>
        <translation>アテンションヘッド数。n_embd を割り切る必要があります。</translation>
    </message>
    <message>
        <source>Model width. Parameters grow with n_layer x n_embd squared (12 C^2 per block).</source>
        <translation>モデル幅。パラメータ数は n_layer x n_embd の 2 乗で増えます（ブロックあたり 12 C^2）。</translation>
    </message>
    <message>
        <source>Context length; U is rounded down to whole sequences of this length.</source>
        <translation>コンテキスト長。U はこの長さの完全なシーケンスに切り捨てられます。</translation>
    </message>
    <message>
        <source>Biases in Linear layers and LayerNorms (nanoGPT&apos;s bias).</source>
        <translation>Linear 層と LayerNorm のバイアス（nanoGPT の bias）。</translation>
    </message>
    <message>
        <source>dense GPT; moe: mixture of experts (more parameters at the same FLOPs); shared: ALBERT-style shared blocks (fewer parameters at the same FLOPs). Xue et al. 2023 compare them under repetition.</source>
        <translation>dense: 密な GPT、moe: 専門家混合（同じ FLOPs でパラメータが多い）、shared: ALBERT 風の共有ブロック（同じ FLOPs でパラメータが少ない）。Xue ら 2023 は繰り返し下でこれらを比較しました。</translation>
    </message>
    <message>
        <source>experts</source>
        <translation>エキスパート</translation>
    </message>
    <message>
        <source>Experts per MoE layer (arch moe).</source>
        <translation>MoE 層あたりのエキスパート数（arch moe）。</translation>
    </message>
    <message>
        <source>Experts per token: 1 as in Switch, 2 as in GShard.</source>
        <translation>トークンあたりのエキスパート数: 1 は Switch、2 は GShard と同じ。</translation>
    </message>
    <message>
        <source>Every n-th block gets an MoE MLP (2: every other block, as in Switch).</source>
        <translation>n ブロックごとに MoE MLP を置きます（2: 1 つおき、Switch と同じ）。</translation>
    </message>
    <message>
        <source>Expert capacity = factor x tokens x top_k / n_expert; assignments beyond it are dropped. 0: no limit.</source>
        <translation>エキスパート容量 = 係数 x トークン数 x top_k / n_expert。超えた割り当ては捨てられます。0: 無制限。</translation>
    </message>
    <message>
        <source>Weight of Switch&apos;s load-balancing loss.</source>
        <translation>Switch の負荷分散損失の重み。</translation>
    </message>
    <message>
        <source>Weight of the router z-loss (ST-MoE).</source>
        <translation>ルーター z 損失の重み（ST-MoE）。</translation>
    </message>
    <message>
        <source>Hidden units of each expert MLP; 0: 4 x n_embd. 4 x n_embd / top_k gives the dense model&apos;s FLOPs per token.</source>
        <translation>各エキスパート MLP の隠れユニット数。0: 4 x n_embd。4 x n_embd / top_k で密モデルと同じトークンあたり FLOPs になります。</translation>
    </message>
    <message>
        <source>arch shared: groups of consecutive blocks that share one set of weights; must divide n_layer (1: all share).</source>
        <translation>arch shared: 1 組の重みを共有する連続ブロックのグループ数。n_layer を割り切る必要があります（1: すべて共有）。</translation>
    </message>
    <message>
        <source>Peak learning rate after warmup.</source>
        <translation>ウォームアップ後のピーク学習率。</translation>
    </message>
    <message>
        <source>The LR the schedule decays to (Ibrahim et al. 2024 re-decay to 0.1 x the peak).</source>
        <translation>スケジュールが減衰する先の学習率（Ibrahim ら 2024 はピークの 0.1 倍まで再減衰）。</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Linear warmup; re-warming a continued run uses about 1% of its steps (Ibrahim et al. 2024).</source>
        <translation>線形ウォームアップ。継続実行の再ウォームアップにはステップの約 1% を使います（Ibrahim ら 2024）。</translation>
    </message>
    <message>
        <source>Step where the decay reaches min_lr; 0: the run&apos;s last step.</source>
        <translation>減衰が min_lr に達するステップ。0: 実行の最終ステップ。</translation>
    </message>
    <message>
        <source>Shape after warmup. infinite: warmup, cooldown to constant_lr, constant, then a short anneal, so a run can continue across dataset switches without re-warming (Ibrahim et al. 2024).</source>
        <translation>ウォームアップ後の形。infinite: ウォームアップ、constant_lr へのクールダウン、一定、最後に短いアニール。再ウォームアップなしでデータセット切り替えをまたいで継続できます（Ibrahim ら 2024）。</translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay on Linear weights. Xue et al. 2023 found that it destabilized training under repetition.</source>
        <translation>Linear 重みへの AdamW の分離型重み減衰。Xue ら 2023 は繰り返し下で学習を不安定にすると報告しました。</translation>
    </message>
    <message>
        <source>AdamW beta1, in [0, 1).</source>
        <translation>AdamW の beta1（[0, 1)）。</translation>
    </message>
    <message>
        <source>AdamW beta2, in [0, 1).</source>
        <translation>AdamW の beta2（[0, 1)）。</translation>
    </message>
    <message>
        <source>Maximum global gradient norm; 0 disables clipping.</source>
        <translation>全体勾配ノルムの上限。0 でクリッピングなし。</translation>
    </message>
    <message>
        <source>LR the warmup starts from: a continued run can re-warm from its predecessor&apos;s final LR.</source>
        <translation>ウォームアップの開始学習率。継続実行は前の実行の最終学習率から再ウォームアップできます。</translation>
    </message>
    <message>
        <source>infinite: the plateau LR; 0: the peak lr.</source>
        <translation>infinite: 平坦部の学習率。0: ピークの lr。</translation>
    </message>
    <message>
        <source>infinite: steps from lr down to constant_lr after warmup.</source>
        <translation>infinite: ウォームアップ後に lr から constant_lr まで下げるステップ数。</translation>
    </message>
    <message>
        <source>infinite: shape of the cooldown.</source>
        <translation>infinite: クールダウンの形。</translation>
    </message>
    <message>
        <source>infinite: steps from constant_lr down to min_lr; 0: never anneal.</source>
        <translation>infinite: constant_lr から min_lr まで下げるステップ数。0: アニールしない。</translation>
    </message>
    <message>
        <source>infinite: shape of the anneal.</source>
        <translation>infinite: アニールの形。</translation>
    </message>
    <message>
        <source>infinite: step the anneal starts; -1: the run&apos;s last anneal_steps steps.</source>
        <translation>infinite: アニールを始めるステップ。-1: 実行の最後の anneal_steps ステップ。</translation>
    </message>
    <message>
        <source>D: total training tokens, = U x R. Chinchilla&apos;s compute-optimal budget is about 20 tokens per parameter (Hoffmann et al. 2022).</source>
        <translation>D: 学習トークン総数（= U x R）。Chinchilla の計算最適予算はパラメータあたり約 20 トークンです（Hoffmann ら 2022）。</translation>
    </message>
    <message>
        <source>sequences</source>
        <translation>シーケンス</translation>
    </message>
    <message>
        <source>Sequences per micro-batch (per process).</source>
        <translation>マイクロバッチあたりのシーケンス数（プロセスごと）。</translation>
    </message>
    <message>
        <source>Micro-batches per optimizer step; tokens per step = batch_size x block_size x grad_accum.</source>
        <translation>オプティマイザステップあたりのマイクロバッチ数。ステップあたりトークン数 = batch_size x block_size x grad_accum。</translation>
    </message>
    <message>
        <source>Initialization, dropout, and which U tokens are chosen and in what order. Sweep it to see run-to-run noise.</source>
        <translation>初期化、ドロップアウト、どの U トークンをどの順で選ぶか。スイープすると実行間のばらつきが見えます。</translation>
    </message>
    <message>
        <source>Steps between validation evaluations; the overfitting onset is found at this resolution.</source>
        <translation>検証評価の間隔（ステップ）。過学習の開始はこの分解能で検出されます。</translation>
    </message>
    <message>
        <source>batches</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <source>Fixed validation batches per evaluation (the same windows every time).</source>
        <translation>評価ごとの固定検証バッチ数（毎回同じウィンドウ）。</translation>
    </message>
    <message>
        <source>Steps between checkpoints; 0: only at the end.</source>
        <translation>チェックポイントの間隔（ステップ）。0: 最後のみ。</translation>
    </message>
    <message>
        <source>auto picks CUDA (bf16 autocast) when available.</source>
        <translation>auto は利用可能なら CUDA（bf16 autocast）を選びます。</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>スレッド</translation>
    </message>
    <message>
        <source>LibTorch intra-op threads; 0: all cores.</source>
        <translation>LibTorch の演算内スレッド数。0: 全コア。</translation>
    </message>
    <message>
        <source>Replay each step&apos;s forward and backward from a CUDA graph: one launch per step instead of hundreds, which small models on a GPU wait for. Dense or shared models, causal objective; on several ranks the gradients are all-reduced after the replay; no effect on the CPU.</source>
        <translation>各ステップの順伝播と逆伝播を CUDA グラフから再生します。数百回のカーネル起動が 1 回になり、GPU 上の小さなモデルが速くなります。dense または shared モデル、causal 目的関数のみ。複数ランクでは再生の後に勾配を all-reduce します。CPU では効果はありません。</translation>
    </message>
    <message>
        <source>Training objective on the decoder. Under repetition UL2 degrades more than span corruption (Xue et al. 2023). Losses of different objectives are not comparable.</source>
        <translation>デコーダ上の学習目的。繰り返し下では UL2 はスパン破損より劣化します（Xue ら 2023）。異なる目的の損失は比較できません。</translation>
    </message>
    <message>
        <source>Span corruption: share of tokens corrupted (T5: 15%).</source>
        <translation>スパン破損: 破損させるトークンの割合（T5: 15%）。</translation>
    </message>
    <message>
        <source>Span corruption: mean noise span length (T5: 3).</source>
        <translation>スパン破損: ノイズスパンの平均長（T5: 3）。</translation>
    </message>
    <message>
        <source>Masked LM: share of positions predicted (BERT: 15%).</source>
        <translation>マスク言語モデル: 予測する位置の割合（BERT: 15%）。</translation>
    </message>
    <message>
        <source>Dropout on attention, residual branches and embeddings. The regularization that helps most against repetition; best 0.2-0.3 on MoE proxies (Xue et al. 2023).</source>
        <translation>アテンション、残差分岐、埋め込みへのドロップアウト。繰り返しに最も効く正則化で、MoE 代理モデルでは 0.2-0.3 が最良（Xue ら 2023）。</translation>
    </message>
    <message>
        <source>Dropout on attention weights; overrides rate.</source>
        <translation>アテンション重みへのドロップアウト。rate を上書きします。</translation>
    </message>
    <message>
        <source>Dropout on the attention and MLP outputs; overrides rate.</source>
        <translation>アテンションと MLP の出力へのドロップアウト。rate を上書きします。</translation>
    </message>
    <message>
        <source>Dropout on the embeddings; overrides rate.</source>
        <translation>埋め込みへのドロップアウト。rate を上書きします。</translation>
    </message>
    <message>
        <source>When dropout is on. dropstage: off until start, then on; it reaches constant dropout&apos;s result with faster early training (Xue et al. 2023).</source>
        <translation>ドロップアウトを有効にする時期。dropstage: start まで無効、その後有効。初期学習を速めつつ一定ドロップアウトと同じ結果に達します（Xue ら 2023）。</translation>
    </message>
    <message>
        <source>Where dropstage switches dropout on, or linear starts rising, in the dropout unit.</source>
        <translation>dropstage がドロップアウトを有効にする、または linear が上昇を始める位置（ドロップアウトの単位）。</translation>
    </message>
    <message>
        <source>Where linear reaches the full rate, or early switches dropout off, in the dropout unit.</source>
        <translation>linear が最大率に達する、または early がドロップアウトを無効にする位置（ドロップアウトの単位）。</translation>
    </message>
    <message>
        <source>Unit of start and end: fraction of the run, steps, tokens or epochs of the run&apos;s corpus.</source>
        <translation>start と end の単位: 実行の割合、ステップ、トークン、または実行のコーパスのエポック。</translation>
    </message>
    <message>
        <source>Stochastic depth (Huang et al. 2016): rate of the last block, rising from 0 at the first. Helped a little in Xue et al. 2023.</source>
        <translation>確率的深さ（Huang ら 2016）: 最後のブロックの率で、最初のブロックの 0 から増加。Xue ら 2023 では少し効果がありました。</translation>
    </message>
    <message>
        <source>Label smoothing of the training loss; helped a little in Xue et al. 2023. The validation loss is never smoothed.</source>
        <translation>学習損失のラベル平滑化。Xue ら 2023 では少し効果がありました。検証損失は平滑化されません。</translation>
    </message>
    <message>
        <source>Further validation corpora, comma-separated: logs their loss and forgetting (its rise since the first evaluation).</source>
        <translation>追加の検証コーパス（カンマ区切り）: その損失と忘却（最初の評価からの上昇）を記録します。</translation>
    </message>
    <message>
        <source>Built-in downstream tasks, comma-separated: cloze (LAMBADA-style), next_passage (HellaSwag-style).</source>
        <translation>組み込みの下流タスク（カンマ区切り）: cloze（LAMBADA 風）、next_passage（HellaSwag 風）。</translation>
    </message>
    <message>
        <source>Multiple-choice JSONL files, comma-separated, scored as lm-evaluation-harness does.</source>
        <translation>多肢選択 JSONL ファイル（カンマ区切り）。lm-evaluation-harness と同じ方法で採点します。</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>例</translation>
    </message>
    <message>
        <source>Examples per built-in task.</source>
        <translation>組み込みタスクあたりの例の数。</translation>
    </message>
    <message>
        <source>evaluations</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>Score downstream tasks at every n-th evaluation (and at the last).</source>
        <translation>n 回ごとの評価（と最後）で下流タスクを採点します。</translation>
    </message>
    <message>
        <source>Which examples the built-in tasks draw.</source>
        <translation>組み込みタスクが抽出する例を決めます。</translation>
    </message>
    <message>
        <source>Relative rise of the smoothed validation loss over its best that counts as the onset of overfitting.</source>
        <translation>平滑化した検証損失が最良値から相対的にどれだけ上がれば過学習の開始とみなすか。</translation>
    </message>
    <message>
        <source>Evaluations the rise must last before the onset is reported.</source>
        <translation>開始を報告する前に上昇が続く必要がある評価回数。</translation>
    </message>
    <message>
        <source>EMA weight of the past in the smoothed validation loss.</source>
        <translation>平滑化した検証損失における過去の EMA 重み。</translation>
    </message>
    <message>
        <source>Continue from this finished run&apos;s checkpoint (id or name): a stage of continual pre-training.</source>
        <translation>この完了した実行のチェックポイントから継続します（ID または名前）: 継続事前学習の 1 段階。</translation>
    </message>
    <message>
        <source>reset: fresh AdamW moments; keep: the checkpoint&apos;s.</source>
        <translation>reset: AdamW のモーメントを新規に、keep: チェックポイントのものを使用。</translation>
    </message>
    <message>
        <source>An earlier corpus to replay, against forgetting it (Ibrahim et al. 2024).</source>
        <translation>忘却を防ぐためにリプレイする以前のコーパス（Ibrahim ら 2024）。</translation>
    </message>
    <message>
        <source>Share of every batch drawn from the replay corpus, replacing new tokens at equal compute. 5% suffices for a weak shift; a strong shift (English to German) needs about 25% (Ibrahim et al. 2024).</source>
        <translation>各バッチのうちリプレイコーパスから取る割合。同じ計算量で新しいトークンを置き換えます。弱いシフトには 5% で十分、強いシフト（英語からドイツ語）には約 25% が必要です（Ibrahim ら 2024）。</translation>
    </message>
    <message>
        <source>Train the vocabulary on these corpora, comma-separated, so that every stage of a continual pre-training experiment shares one vocabulary.</source>
        <translation>これらのコーパス（カンマ区切り）で語彙を学習し、継続事前学習実験の全段階で 1 つの語彙を共有します。</translation>
    </message>
    <message>
        <source>Allowed: %1</source>
        <translation>許容値: %1</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>既定値: %1</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Optimizer and LR schedule</source>
        <translation>オプティマイザと学習率スケジュール</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>学習目的</translation>
    </message>
    <message>
        <source>Regularization and dropout</source>
        <translation>正則化とドロップアウト</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>Continual pre-training</source>
        <translation>継続事前学習</translation>
    </message>
</context>
<context>
    <name>wb::SummaryTableModel</name>
    <message>
        <source>Final validation loss against the run with the fewest epochs among runs that differ only in repetition (same budget, model and settings)</source>
        <translation>反復回数だけが異なる実行（同じ予算・モデル・設定）のうち、エポック数が最も少ない実行に対する最終検証損失</translation>
    </message>
    <message>
        <source>No overfitting detected: the smoothed validation loss never rose past the threshold</source>
        <translation>過学習は検出されていません：平滑化した検証損失が閾値を超えたことはありません</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>Unique tokens</source>
        <translation>ユニークトークン数</translation>
    </message>
    <message>
        <source>Final val. loss</source>
        <translation>最終検証損失</translation>
    </message>
    <message>
        <source>Best val. loss</source>
        <translation>最良検証損失</translation>
    </message>
    <message>
        <source>Best at step</source>
        <translation>最良のステップ</translation>
    </message>
    <message>
        <source>vs baseline</source>
        <translation>ベースライン比</translation>
    </message>
    <message>
        <source>Too few evaluations to detect overfitting (%1 of the %2 it needs; evaluate more often: training.eval_interval)</source>
        <translation>過学習を検出するには評価が少なすぎます（%1 回、必要なのは %2 回。評価の間隔を短く: training.eval_interval）</translation>
    </message>
    <message>
        <source>Validation loss rose for good after step %1 (epoch %2); the best was at step %3</source>
        <translation>検証損失はステップ %1（エポック %2）以降上昇し続けました。最良値はステップ %3</translation>
    </message>
    <message>
        <source>Overfits after step</source>
        <translation>過学習開始ステップ</translation>
    </message>
</context>
<context>
    <name>wb::SummaryTableWidget</name>
    <message>
        <source>Filter runs (name, factor level, status)…</source>
        <translation>実行を絞り込む（名前・因子水準・状態）…</translation>
    </message>
</context>
</TS>
