<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>Repetition Workbench: browse the runs of data-repetition experiments.</source>
        <translation>Repetition Workbench：浏览数据重复实验的运行。</translation>
    </message>
    <message>
        <source>Run database to show (default: %1).</source>
        <translation>要显示的运行数据库（默认：%1）。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Language of the user interface: %1 (default: the language chosen in the View menu, else the system language).</source>
        <translation>界面语言：%1（默认：“视图”菜单中选择的语言，未选择时使用系统语言）。</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation>未知语言“%1”；请从以下语言中选择：%2。</translation>
    </message>
    <message>
        <source>Without a window: `workbench export --help`, `workbench screenshot --help`.</source>
        <translation>无窗口模式：`workbench export --help`、`workbench screenshot --help`。</translation>
    </message>
</context>
<context>
    <name>wb::CliJob</name>
    <message>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>[a line of more than %1 MiB without a newline was dropped]</source>
        <translation>[已丢弃一行超过 %1 MiB 且没有换行的输出]</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>Killed before it wrote a checkpoint: Resume continues from the last one.</source>
        <translation>在写入检查点之前被强制结束：“继续”将从上一个检查点继续。</translation>
    </message>
    <message>
        <source>Stopped before training began.</source>
        <translation>在训练开始之前已停止。</translation>
    </message>
    <message>
        <source>workbench-cli ended abnormally (a signal). %1</source>
        <translation>workbench-cli 异常结束（信号）。%1</translation>
    </message>
    <message>
        <source>Stopped: Resume continues from the checkpoint.</source>
        <translation>已停止：“继续”将从检查点继续。</translation>
    </message>
    <message>
        <source>Stopped: a checkpoint was written; Resume continues from it.</source>
        <translation>已停止：已写入检查点；“继续”将从该处继续。</translation>
    </message>
    <message>
        <source>Training or I/O failed: %1</source>
        <translation>训练或输入/输出失败：%1</translation>
    </message>
    <message>
        <source>Bad command line or spec: %1</source>
        <translation>命令行或实验配置有误：%1</translation>
    </message>
    <message>
        <source>Data problem: %1</source>
        <translation>数据问题：%1</translation>
    </message>
    <message>
        <source>Run database problem: %1</source>
        <translation>运行数据库问题：%1</translation>
    </message>
    <message>
        <source>workbench-cli exited with code %1: %2</source>
        <translation>workbench-cli 以代码 %1 退出：%2</translation>
    </message>
    <message>
        <source>Cannot start %1: %2. Set WB_CLI to the workbench-cli program, or put it on PATH.</source>
        <translation>无法启动 %1：%2。请将 WB_CLI 设为 workbench-cli 程序，或将其放入 PATH。</translation>
    </message>
</context>
<context>
    <name>wb::CompareControls</name>
    <message>
        <source>each run</source>
        <translation>每个运行</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数（epoch）</translation>
    </message>
    <message>
        <source>unique tokens</source>
        <translation>唯一词元数</translation>
    </message>
    <message>
        <source>token budget</source>
        <translation>词元预算</translation>
    </message>
    <message>
        <source>model width</source>
        <translation>模型宽度</translation>
    </message>
    <message>
        <source>model depth</source>
        <translation>模型深度</translation>
    </message>
    <message>
        <source>architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>训练目标</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>回放比例</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>log x</source>
        <translation>对数 x</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>对数 y</translation>
    </message>
    <message>
        <source>The metric to plot: validation loss, the loss on another corpus, a downstream score, ...</source>
        <translation>要绘制的指标：验证损失、另一语料上的损失、下游评分……</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>墙钟时间</translation>
    </message>
    <message>
        <source>Runs with the same value of this spec field share a colour and a legend entry</source>
        <translation>该配置字段取值相同的运行共用一种颜色和一个图例项</translation>
    </message>
    <message>
        <source>Debiased exponential moving average, as in TensorBoard; the raw curve stays as a faint shadow</source>
        <translation>去偏指数移动平均（与 TensorBoard 相同）；原始曲线以浅色阴影保留</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>against</source>
        <translation>横轴</translation>
    </message>
    <message>
        <source>colour by</source>
        <translation>按此着色</translation>
    </message>
    <message>
        <source>smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>overlaid</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>small multiples</source>
        <translation>小多图</translation>
    </message>
    <message>
        <source>One chart with every run, or one panel per level of the colour-by factor</source>
        <translation>一张图显示所有运行，或按着色因子的每个水平各一个面板</translation>
    </message>
    <message>
        <source>same axes</source>
        <translation>相同坐标轴</translation>
    </message>
    <message>
        <source>Every panel shows the same x and y range, so panels compare by eye</source>
        <translation>所有面板显示相同的 x 和 y 范围，便于直接目视比较</translation>
    </message>
    <message>
        <source>mean of seeds</source>
        <translation>种子平均</translation>
    </message>
    <message>
        <source>Runs that differ only in training.seed are drawn as their mean with a min/max band</source>
        <translation>仅 training.seed 不同的运行绘制为其均值，并带最小/最大区间带</translation>
    </message>
</context>
<context>
    <name>wb::CompareWidget</name>
    <message>
        <source>Select runs in the list to compare them here (Ctrl- or Shift-click for several).</source>
        <translation>在列表中选择运行即可在此比较（按住 Ctrl 或 Shift 点击可多选）。</translation>
    </message>
    <message>
        <source>Cannot draw these runs: %1</source>
        <translation>无法绘制这些运行：%1</translation>
    </message>
</context>
<context>
    <name>wb::DatabaseMessageWidget</name>
    <message>
        <source>Open database…</source>
        <translation>打开数据库…</translation>
    </message>
</context>
<context>
    <name>wb::DownstreamPanel</name>
    <message>
        <source>No downstream scores in these runs. Add eval.downstream.tasks (cloze, next_passage) to the spec to score them while they train.</source>
        <translation>这些运行没有下游评分。在规格中加入 eval.downstream.tasks（cloze、next_passage），即可在训练时评分。</translation>
    </message>
    <message>
        <source>Downstream, final</source>
        <translation>下游任务（最终）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
</context>
<context>
    <name>wb::FigureFileExport</name>
    <message>
        <source>a figure must be between 0.5 and 100 inches wide and high</source>
        <translation>图表的宽度和高度必须在 0.5 到 100 英寸之间</translation>
    </message>
    <message>
        <source>the resolution must be 30-2400 dpi</source>
        <translation>分辨率必须为 30–2400 dpi</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>未知格式</translation>
    </message>
    <message>
        <source>unknown file type &quot;%1&quot;: use .png, .svg, .pdf, .csv or .tex</source>
        <translation>未知的文件类型“%1”：请使用 .png、.svg、.pdf、.csv 或 .tex</translation>
    </message>
</context>
<context>
    <name>wb::JobListModel</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
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
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 runs done)</source>
        <translation>%1（%3 个运行中已完成 %2 个）</translation>
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
        <translation>目标</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>wb::LauncherWidget</name>
    <message>
        <source>Run spec…</source>
        <translation>运行实验配置…</translation>
    </message>
    <message>
        <source>Train every run of an experiment spec file</source>
        <translation>训练实验配置文件中的所有运行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop gracefully: the run writes a checkpoint and can be resumed. Stop again later to kill it.</source>
        <translation>平稳停止：运行会写入检查点，之后可以继续。稍后再次停止将强制结束它。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue the interrupted runs from their checkpoints, then the queued ones</source>
        <translation>从检查点继续被中断的运行，然后是排队的运行</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <source>Train the same spec again, as a new experiment</source>
        <translation>以新实验的形式再次训练相同的配置</translation>
    </message>
    <message>
        <source>Duplicate &amp;&amp; edit</source>
        <translation>复制并编辑</translation>
    </message>
    <message>
        <source>Open a copy of the spec in the designer</source>
        <translation>在设计器中打开配置的副本</translation>
    </message>
    <message>
        <source>Show output</source>
        <translation>显示输出</translation>
    </message>
    <message>
        <source>The command line, errors and last lines of the selected job</source>
        <translation>所选任务的命令行、错误和最后几行输出</translation>
    </message>
    <message>
        <source>Remove ended</source>
        <translation>移除已结束的</translation>
    </message>
    <message>
        <source>Remove the jobs that have ended from the list</source>
        <translation>从列表中移除已结束的任务</translation>
    </message>
    <message>
        <source>No run database is set: open one first.</source>
        <translation>未设置运行数据库：请先打开一个。</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>experiment %1</source>
        <translation>实验 %1</translation>
    </message>
    <message>
        <source>Stopping %1: it finishes the step and writes a checkpoint.</source>
        <translation>正在停止 %1：它会完成当前步并写入检查点。</translation>
    </message>
    <message>
        <source>%1 is still writing its checkpoint; Stop again after %2 s to kill it.</source>
        <translation>%1 仍在写入检查点；%2 秒后再次停止将强制结束它。</translation>
    </message>
    <message>
        <source>%1 was killed.</source>
        <translation>%1 已被强制结束。</translation>
    </message>
    <message>
        <source>%1 is not running.</source>
        <translation>%1 未在运行。</translation>
    </message>
    <message>
        <source>Experiment %1 is not in %2.</source>
        <translation>实验 %1 不在 %2 中。</translation>
    </message>
    <message>
        <source>The spec of %1 is not known yet (a preset? `workbench-cli presets show NAME` prints it).</source>
        <translation>%1 的配置尚不可知（是预设？`workbench-cli presets show NAME` 可打印它）。</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Exit code: %1</source>
        <translation>退出代码：%1</translation>
    </message>
    <message numerus="yes">
        <source>Standard error (last %n line(s)):</source>
        <translation>
            <numerusform>标准错误（最后 %n 行）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Standard output (last %n line(s)):</source>
        <translation>
            <numerusform>标准输出（最后 %n 行）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>%1 的输出</translation>
    </message>
    <message>
        <source>Run an experiment spec</source>
        <translation>运行实验配置</translation>
    </message>
    <message>
        <source>Experiment specs (*.json)</source>
        <translation>实验配置 (*.json)</translation>
    </message>
</context>
<context>
    <name>wb::LocalTarget</name>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
</context>
<context>
    <name>wb::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>%1 is not available in this build.</source>
        <translation>此构建不包含%1。</translation>
    </message>
    <message>
        <source>Language: %1 — saved for the next start</source>
        <translation>语言：%1 — 已保存，下次启动时沿用</translation>
    </message>
    <message>
        <source>Repetition Workbench — %1</source>
        <translation>Repetition Workbench — %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 次运行</numerusform>
        </translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>尚未创建</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Open run database</source>
        <translation>打开运行数据库</translation>
    </message>
    <message>
        <source>Run databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>运行数据库 (*.db *.sqlite *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Export figure…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Select the runs to plot in the list first.</source>
        <translation>请先在列表中选择要绘制的运行。</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG, 300 dpi (*.png);;CSV data (*.csv);;pgfplots for LaTeX (*.tex)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG，300 dpi (*.png);;CSV 数据 (*.csv);;LaTeX 用 pgfplots (*.tex)</translation>
    </message>
    <message>
        <source>Saved %1 (3.25 in wide, single column)</source>
        <translation>已保存 %1（宽 3.25 英寸，单栏）</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>监视器</translation>
    </message>
    <message>
        <source>In the database</source>
        <translation>数据库中</translation>
    </message>
    <message>
        <source>Launched here</source>
        <translation>在此启动</translation>
    </message>
    <message>
        <source>workbench-cli jobs started from this window: progress, ETA, stop, resume</source>
        <translation>从此窗口启动的 workbench-cli 任务：进度、剩余时间、停止、继续</translation>
    </message>
</context>
<context>
    <name>wb::RunActions</name>
    <message>
        <source>%1 is still running.</source>
        <translation>%1 仍在运行。</translation>
    </message>
    <message>
        <source>%1 has finished: Re-run trains its experiment again.</source>
        <translation>%1 已完成：“重新运行”会再次训练其实验。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not running.</source>
        <translation>%1 未在运行。</translation>
    </message>
    <message>
        <source>%1 runs on %2: stop it there (Ctrl-C in its terminal, or kill -INT %3).</source>
        <translation>%1 运行在 %2 上：请在那里停止它（在其终端按 Ctrl-C，或 kill -INT %3）。</translation>
    </message>
    <message>
        <source>The process of %1 (pid %2) is gone: Resume continues the run from its last checkpoint.</source>
        <translation>%1 的进程（pid %2）已不存在：“继续”将从其上一个检查点继续该运行。</translation>
    </message>
    <message>
        <source>Process %1 is not a workbench-cli (the pid was reused?): %2 was not stopped.</source>
        <translation>进程 %1 不是 workbench-cli（pid 被重用了？）：%2 未被停止。</translation>
    </message>
    <message>
        <source>Cannot signal process %1: %2.</source>
        <translation>无法向进程 %1 发送信号：%2。</translation>
    </message>
    <message>
        <source>Asked %1 (pid %2) to stop: it writes a checkpoint and marks the run interrupted.</source>
        <translation>已请求 %1（pid %2）停止：它会写入检查点并将运行标记为已中断。</translation>
    </message>
</context>
<context>
    <name>wb::RunDatabase</name>
    <message>
        <source>No run database yet</source>
        <translation>尚无运行数据库</translation>
    </message>
    <message>
        <source>There is no run database at %1 yet.

Start a run with &quot;workbench-cli run SPEC.json&quot;: it appears here within two seconds. Or choose another database with File &gt; Open database…</source>
        <translation>%1 处还没有运行数据库。

用“workbench-cli run SPEC.json”启动一次运行：它会在两秒内出现在这里。也可以通过“文件 &gt; 打开数据库…”选择其他数据库。</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>解决方法：%1</translation>
    </message>
    <message>
        <source>Cannot show the run database</source>
        <translation>无法显示运行数据库</translation>
    </message>
</context>
<context>
    <name>wb::RunListModel</name>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>%1, pid %2</source>
        <translation>%1，PID %2</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
</context>
<context>
    <name>wb::RunListWidget</name>
    <message>
        <source>Open in monitor</source>
        <translation>在监视器中打开</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Re-run experiment</source>
        <translation>重新运行实验</translation>
    </message>
    <message>
        <source>Duplicate and edit…</source>
        <translation>复制并编辑…</translation>
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
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>step %1 of %2 (%3%)</source>
        <translation>第 %1 / %2 步（%3%）</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>第 %1 轮（epoch）</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 词元</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 词元/秒</translation>
    </message>
    <message>
        <source>elapsed %1</source>
        <translation>已用 %1</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>预计剩余 %1</translation>
    </message>
    <message>
        <source>best validation loss %1 at step %2</source>
        <translation>最佳验证损失 %1（第 %2 步）</translation>
    </message>
    <message>
        <source>no validation loss yet</source>
        <translation>尚无验证损失</translation>
    </message>
    <message>
        <source>overfitting from step %1 (epoch %2)</source>
        <translation>自第 %1 步起过拟合（第 %2 轮）</translation>
    </message>
    <message>
        <source>no overfitting detected</source>
        <translation>未检测到过拟合</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>wb::RunMonitorWidget</name>
    <message>
        <source>against</source>
        <translation>横轴</translation>
    </message>
    <message>
        <source>smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数（epoch）</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>墙钟时间</translation>
    </message>
    <message>
        <source>Smoothing of the per-step training loss: a debiased exponential moving average, as in TensorBoard; the raw loss stays as a faint shadow</source>
        <translation>每步训练损失的平滑：与 TensorBoard 相同的去偏指数移动平均；原始损失以淡色阴影保留</translation>
    </message>
    <message>
        <source>No loss logged yet.</source>
        <translation>尚未记录损失。</translation>
    </message>
    <message>
        <source>No learning rate logged yet.</source>
        <translation>尚未记录学习率。</translation>
    </message>
    <message>
        <source>No throughput logged yet: the trainer logs it at each evaluation.</source>
        <translation>尚未记录吞吐量：训练程序在每次评估时记录它。</translation>
    </message>
    <message>
        <source>No dropout in this run.</source>
        <translation>此运行未使用 dropout。</translation>
    </message>
    <message>
        <source>No downstream evaluation in this run.</source>
        <translation>此运行没有下游任务评估。</translation>
    </message>
    <message>
        <source>Choose a run to watch it train.</source>
        <translation>选择一个运行以观察其训练过程。</translation>
    </message>
    <message>
        <source>optimizer steps</source>
        <translation>优化器步数</translation>
    </message>
    <message>
        <source>training tokens</source>
        <translation>训练词元</translation>
    </message>
    <message>
        <source>wall time (s)</source>
        <translation>墙钟时间（秒）</translation>
    </message>
    <message>
        <source>Run %1 is not in this database.</source>
        <translation>此数据库中没有运行 %1。</translation>
    </message>
    <message>
        <source>Cannot read run %1: %2</source>
        <translation>无法读取运行 %1：%2</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>training loss (per step)</source>
        <translation>训练损失（每步）</translation>
    </message>
    <message>
        <source>training loss (evaluation)</source>
        <translation>训练损失（评估）</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>validation loss, %1</source>
        <translation>验证损失，%1</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>Dropout rate</source>
        <translation>Dropout 比率</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Downstream accuracy</source>
        <translation>下游任务准确率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
</context>
<context>
    <name>wb::SummaryTableModel</name>
    <message>
        <source>Final validation loss against the run with the fewest epochs among runs that differ only in repetition (same budget, model and settings)</source>
        <translation>最终验证损失，相对于仅在重复次数上不同的运行中 epoch 最少的那个（相同预算、模型和设置）</translation>
    </message>
    <message>
        <source>No overfitting detected: the smoothed validation loss never rose past the threshold</source>
        <translation>未检测到过拟合：平滑后的验证损失从未超过阈值</translation>
    </message>
    <message>
        <source>Validation loss rose from here on (best at step %1)</source>
        <translation>验证损失从此开始上升（最佳值在第 %1 步）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epoch 数</translation>
    </message>
    <message>
        <source>Unique tokens</source>
        <translation>唯一 token 数</translation>
    </message>
    <message>
        <source>Final val. loss</source>
        <translation>最终验证损失</translation>
    </message>
    <message>
        <source>Best val. loss</source>
        <translation>最佳验证损失</translation>
    </message>
    <message>
        <source>Best at step</source>
        <translation>最佳所在步</translation>
    </message>
    <message>
        <source>Overfits at epoch</source>
        <translation>过拟合起始 epoch</translation>
    </message>
    <message>
        <source>vs baseline</source>
        <translation>相对基线</translation>
    </message>
</context>
<context>
    <name>wb::SummaryTableWidget</name>
    <message>
        <source>Filter runs (name, factor level, status)…</source>
        <translation>筛选运行（名称、因子水平、状态）…</translation>
    </message>
</context>
</TS>
