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
    <message>
        <source>queued</source>
        <translation>待機中</translation>
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
        <source>training loss (evaluation)</source>
        <translation>訓練損失（評価）</translation>
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
        <source>Validation loss rose from here on (best at step %1)</source>
        <translation>ここから検証損失が上昇（最良はステップ %1）</translation>
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
        <source>Overfits at epoch</source>
        <translation>過学習開始エポック</translation>
    </message>
    <message>
        <source>vs baseline</source>
        <translation>ベースライン比</translation>
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
