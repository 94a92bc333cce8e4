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
        <source>No longer followed (%1 keeps training it): Resume follows it again.</source>
        <translation>已停止跟踪（%1 仍在训练）：“继续”会重新跟踪。</translation>
    </message>
    <message>
        <source>the remote host</source>
        <translation>远程主机</translation>
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
    <message>
        <source>Final downstream scores of the selected runs appear here.</source>
        <translation>所选运行的最终下游任务得分显示在这里。</translation>
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
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>Predicted by the saved fit &quot;%1&quot;</source>
        <translation>由已保存的拟合“%1”预测</translation>
    </message>
    <message>
        <source>No finished run in this database measured a throughput yet</source>
        <translation>此数据库中尚无已完成的运行测得吞吐量</translation>
    </message>
    <message>
        <source>cannot plan</source>
        <translation>无法规划</translation>
    </message>
    <message>
        <source>U: distinct training tokens, in whole sequences</source>
        <translation>U：不同的训练词元数，按完整序列计</translation>
    </message>
    <message>
        <source>R = D / U: how often each unique token is seen</source>
        <translation>R = D / U：每个唯一词元被看到的次数</translation>
    </message>
    <message>
        <source>D: training tokens, whole optimizer steps of the budget</source>
        <translation>D：训练词元数，预算中的完整优化步</translation>
    </message>
    <message>
        <source>N: trainable parameters (vocabulary estimated from the tokenizer)</source>
        <translation>N：可训练参数（词表大小按分词器估计）</translation>
    </message>
    <message>
        <source>Training FLOPs: FLOPs per token (6 N + attention) x D</source>
        <translation>训练 FLOPs：每词元 FLOPs（6 N + 注意力）x D</translation>
    </message>
    <message>
        <source>Wall time at the model FLOP/s the newest finished runs of this database measured</source>
        <translation>按此数据库最新已完成运行测得的模型 FLOP/s 估算的耗时</translation>
    </message>
    <message>
        <source>Final validation loss predicted by a saved scaling-law fit (data-constrained for repeated data, else Chinchilla)</source>
        <translation>由已保存的缩放定律拟合预测的最终验证损失（重复数据用数据受限定律，否则用 Chinchilla）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Unique tokens</source>
        <translation>唯一词元</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Est. time</source>
        <translation>预计时间</translation>
    </message>
    <message>
        <source>Predicted loss</source>
        <translation>预测损失</translation>
    </message>
</context>
<context>
    <name>wb::ExperimentDesigner</name>
    <message>
        <source>Cannot load spec</source>
        <translation>无法加载规格</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: not a JSON object (an experiment spec is one JSON object)</source>
        <translation>%1：不是 JSON 对象（实验规格是一个 JSON 对象）</translation>
    </message>
    <message>
        <source>Cannot save spec</source>
        <translation>无法保存规格</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 词元</translation>
    </message>
    <message>
        <source>%1 FLOPs</source>
        <translation>%1 FLOPs</translation>
    </message>
    <message>
        <source>about %1 in sequence</source>
        <translation>依次运行约 %1</translation>
    </message>
    <message>
        <source>no measured throughput yet</source>
        <translation>尚无测得的吞吐量</translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <source>Save spec before launching</source>
        <translation>启动前保存规格</translation>
    </message>
    <message>
        <source>Experiment specs (*.json)</source>
        <translation>实验规格 (*.json)</translation>
    </message>
    <message>
        <source>Save spec</source>
        <translation>保存规格</translation>
    </message>
    <message>
        <source>Load spec</source>
        <translation>加载规格</translation>
    </message>
    <message>
        <source>Choose a preset or a previous experiment…</source>
        <translation>选择预设或以前的实验…</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>预设：%1</translation>
    </message>
    <message>
        <source>Experiment: %1 (%2)</source>
        <translation>实验：%1（%2）</translation>
    </message>
    <message>
        <source>Experiment %1 has no readable spec</source>
        <translation>实验 %1 没有可读的规格</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Experiment name; runs are named NAME/LABEL after their grid point</source>
        <translation>实验名称；运行按其网格点命名为 NAME/LABEL</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>What the experiment tests, e.g. the finding of a study it reproduces</source>
        <translation>实验检验的内容，例如它复现的某项研究结论</translation>
    </message>
    <message>
        <source>Load spec…</source>
        <translation>加载规格…</translation>
    </message>
    <message>
        <source>Save spec…</source>
        <translation>保存规格…</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Save the spec and train every run it expands to (workbench-cli run)</source>
        <translation>保存规格并训练其展开的每个运行（workbench-cli run）</translation>
    </message>
</context>
<context>
    <name>wb::FactorGridEditor</name>
    <message>
        <source>Epochs at a fixed token budget</source>
        <translation>固定词元预算下的轮数</translation>
    </message>
    <message>
        <source>Unique tokens at a fixed token budget</source>
        <translation>固定词元预算下的唯一词元数</translation>
    </message>
    <message>
        <source>Model size (n_layer, n_embd)</source>
        <translation>模型规模（n_layer, n_embd）</translation>
    </message>
    <message>
        <source>Architecture: dense, MoE, shared</source>
        <translation>架构：稠密、MoE、共享</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>训练目标</translation>
    </message>
    <message>
        <source>Dropout rate</source>
        <translation>Dropout 率</translation>
    </message>
    <message>
        <source>Dropout schedule: constant vs dropstage</source>
        <translation>Dropout 调度：恒定与 dropstage</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Replay fraction (needs a replay corpus)</source>
        <translation>回放比例（需要回放语料）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Factors&lt;/b&gt; (the grid: every combination of the levels is one run)</source>
        <translation>&lt;b&gt;因素&lt;/b&gt;（网格：各水平的每种组合为一次运行）</translation>
    </message>
    <message>
        <source>Add factor</source>
        <translation>添加因素</translation>
    </message>
    <message>
        <source>Add an empty row, or pick a factor of the studies from the menu</source>
        <translation>添加空行，或从菜单中选择研究中的因素</translation>
    </message>
    <message>
        <source>Runs list (optional, JSON): one object of overrides per run, crossed with the grid</source>
        <translation>运行列表（可选，JSON）：每个运行一个覆盖对象，与网格交叉组合</translation>
    </message>
    <message>
        <source>A dotted path into the run spec, e.g. data.epochs or model</source>
        <translation>运行规格中的点分路径，例如 data.epochs 或 model</translation>
    </message>
    <message>
        <source>Levels, comma-separated: numbers, words or JSON objects</source>
        <translation>水平，以逗号分隔：数字、单词或 JSON 对象</translation>
    </message>
    <message>
        <source>e.g. 1, 4, 16, 64</source>
        <translation>例如 1, 4, 16, 64</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
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
    <message>
        <source>New jobs still run on %1: %2</source>
        <translation>新任务仍在 %1 上运行：%2</translation>
    </message>
    <message>
        <source>New jobs run on %1; their runs are imported into this database as they train.</source>
        <translation>新任务在 %1 上运行；其运行在训练时导入此数据库。</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>运行于：</translation>
    </message>
    <message>
        <source>Where new jobs train: this computer, or another host as ssh://[user@]host[:port] (the system ssh with your keys; the runs appear in this database as they train)</source>
        <translation>新任务的训练位置：本机，或以 ssh://[user@]host[:port] 指定的另一台主机（使用系统的 ssh 和您的密钥；运行在训练时出现在此数据库中）</translation>
    </message>
    <message>
        <source>Ranks:</source>
        <translation>进程数：</translation>
    </message>
    <message>
        <source>Data-parallel processes per run (--nproc): each trains batch_size / N sequences of every batch, one GPU each where there are GPUs; the run&apos;s curve stays the same</source>
        <translation>每个运行的数据并行进程数（--nproc）：每个进程训练每批中的 batch_size / N 个序列，有 GPU 时每个进程一块 GPU；运行的曲线保持不变</translation>
    </message>
    <message>
        <source>New jobs on %1 go through its Slurm queue (sbatch).</source>
        <translation>%1 上的新作业将通过其 Slurm 队列提交（sbatch）。</translation>
    </message>
    <message>
        <source>New jobs on %1 train on the host itself.</source>
        <translation>%1 上的新作业直接在该主机上训练。</translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>The host is a cluster&apos;s login node: submit each job there with sbatch (--remote-slurm); its runs are imported into this database as they train</source>
        <translation>该主机是集群的登录节点：每个作业都在那里用 sbatch 提交（--remote-slurm）；其运行在训练过程中导入此数据库</translation>
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
    <message>
        <source>The experiment&apos;s stored spec is not valid JSON; it cannot be edited.</source>
        <translation>该实验保存的规格不是有效的 JSON，无法编辑。</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
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
    <message>
        <source>too few evaluations to detect overfitting (%1 of the %2 it needs; evaluate more often: training.eval_interval)</source>
        <translation>评估次数太少，无法检测过拟合（%1 次，需要 %2 次；请更频繁地评估：training.eval_interval）</translation>
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
        <source>training loss (mean since the last evaluation)</source>
        <translation>训练损失（自上次评估以来的平均）</translation>
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
    <name>wb::RunStatus</name>
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
</context>
<context>
    <name>wb::SpecFieldCatalog</name>
    <message>
        <source>Training corpus: an imported corpus or a built-in recipe (workbench-cli data list).</source>
        <translation>训练语料：已导入的语料或内置配方（workbench-cli data list）。</translation>
    </message>
    <message>
        <source>byte: 256 bytes + EOT; char: the training split&apos;s characters; bpe: SentencePiece BPE trained on the training split.</source>
        <translation>byte：256 个字节 + EOT；char：训练集中的字符；bpe：在训练集上训练的 SentencePiece BPE。</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>BPE vocabulary size (bpe only). A larger vocabulary shortens the token count of the same text.</source>
        <translation>BPE 词表大小（仅 bpe）。词表越大，同一文本的词元数越少。</translation>
    </message>
    <message>
        <source>share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Share of the corpus held out as whole documents for the validation loss; never trained on.</source>
        <translation>以整篇文档留出用于验证损失的语料比例；从不用于训练。</translation>
    </message>
    <message>
        <source>Which documents are held out for validation.</source>
        <translation>哪些文档被留作验证。</translation>
    </message>
    <message>
        <source>U: distinct training tokens. At a fixed budget D the run repeats them R = D / U times (Xue et al. 2023&apos;s token crisis). Give this or epochs.</source>
        <translation>U：不同的训练词元数。在固定预算 D 下，运行将其重复 R = D / U 次（Xue 等 2023 的词元危机）。给出此项或 epochs。</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>R: times each unique token is seen; U = D / R. Up to about 4 epochs are almost as good as unique data; at 16 a repeated token is worth much less (Muennighoff et al. 2023).</source>
        <translation>R：每个唯一词元被看到的次数；U = D / R。约 4 轮以内几乎与唯一数据一样好；到 16 轮时重复词元的价值低得多（Muennighoff 等 2023）。</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>块</translation>
    </message>
    <message>
        <source>Transformer blocks (depth). Larger models overfit sooner when tokens are scarce (Xue et al. 2023).</source>
        <translation>Transformer 块数（深度）。词元稀缺时，较大模型更早过拟合（Xue 等 2023）。</translation>
    </message>
    <message>
        <source>heads</source>
        <translation>头</translation>
    </message>
    <message>
        <source>Attention heads; must divide n_embd.</source>
        <translation>注意力头数；必须整除 n_embd。</translation>
    </message>
    <message>
        <source>Model width. Parameters grow with n_layer x n_embd squared (12 C^2 per block).</source>
        <translation>模型宽度。参数量随 n_layer x n_embd 的平方增长（每块 12 C^2）。</translation>
    </message>
    <message>
        <source>Context length; U is rounded down to whole sequences of this length.</source>
        <translation>上下文长度；U 向下取整为此长度的完整序列。</translation>
    </message>
    <message>
        <source>Biases in Linear layers and LayerNorms (nanoGPT&apos;s bias).</source>
        <translation>Linear 层和 LayerNorm 中的偏置（nanoGPT 的 bias）。</translation>
    </message>
    <message>
        <source>dense GPT; moe: mixture of experts (more parameters at the same FLOPs); shared: ALBERT-style shared blocks (fewer parameters at the same FLOPs). Xue et al. 2023 compare them under repetition.</source>
        <translation>dense：稠密 GPT；moe：混合专家（相同 FLOPs 下参数更多）；shared：ALBERT 式共享块（相同 FLOPs 下参数更少）。Xue 等 2023 在重复数据下比较了它们。</translation>
    </message>
    <message>
        <source>experts</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Experts per MoE layer (arch moe).</source>
        <translation>每个 MoE 层的专家数（arch moe）。</translation>
    </message>
    <message>
        <source>Experts per token: 1 as in Switch, 2 as in GShard.</source>
        <translation>每个词元的专家数：1 同 Switch，2 同 GShard。</translation>
    </message>
    <message>
        <source>Every n-th block gets an MoE MLP (2: every other block, as in Switch).</source>
        <translation>每第 n 个块使用 MoE MLP（2：每隔一个块，同 Switch）。</translation>
    </message>
    <message>
        <source>Expert capacity = factor x tokens x top_k / n_expert; assignments beyond it are dropped. 0: no limit.</source>
        <translation>专家容量 = 系数 x 词元数 x top_k / n_expert；超出的分配被丢弃。0：无限制。</translation>
    </message>
    <message>
        <source>Weight of Switch&apos;s load-balancing loss.</source>
        <translation>Switch 负载均衡损失的权重。</translation>
    </message>
    <message>
        <source>Weight of the router z-loss (ST-MoE).</source>
        <translation>路由器 z 损失的权重（ST-MoE）。</translation>
    </message>
    <message>
        <source>Hidden units of each expert MLP; 0: 4 x n_embd. 4 x n_embd / top_k gives the dense model&apos;s FLOPs per token.</source>
        <translation>每个专家 MLP 的隐藏单元数；0：4 x n_embd。4 x n_embd / top_k 可得到与稠密模型相同的每词元 FLOPs。</translation>
    </message>
    <message>
        <source>arch shared: groups of consecutive blocks that share one set of weights; must divide n_layer (1: all share).</source>
        <translation>arch shared：共享一组权重的连续块组数；必须整除 n_layer（1：全部共享）。</translation>
    </message>
    <message>
        <source>Peak learning rate after warmup.</source>
        <translation>预热后的峰值学习率。</translation>
    </message>
    <message>
        <source>The LR the schedule decays to (Ibrahim et al. 2024 re-decay to 0.1 x the peak).</source>
        <translation>调度衰减到的学习率（Ibrahim 等 2024 重新衰减到峰值的 0.1 倍）。</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Linear warmup; re-warming a continued run uses about 1% of its steps (Ibrahim et al. 2024).</source>
        <translation>线性预热；继续训练的运行重新预热约用其 1% 的步数（Ibrahim 等 2024）。</translation>
    </message>
    <message>
        <source>Step where the decay reaches min_lr; 0: the run&apos;s last step.</source>
        <translation>衰减到达 min_lr 的步；0：运行的最后一步。</translation>
    </message>
    <message>
        <source>Shape after warmup. infinite: warmup, cooldown to constant_lr, constant, then a short anneal, so a run can continue across dataset switches without re-warming (Ibrahim et al. 2024).</source>
        <translation>预热后的形状。infinite：预热、冷却到 constant_lr、保持恒定，再短暂退火，使运行无需重新预热即可跨数据集切换继续（Ibrahim 等 2024）。</translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay on Linear weights. Xue et al. 2023 found that it destabilized training under repetition.</source>
        <translation>作用于 Linear 权重的 AdamW 解耦权重衰减。Xue 等 2023 发现它在重复数据下使训练不稳定。</translation>
    </message>
    <message>
        <source>AdamW beta1, in [0, 1).</source>
        <translation>AdamW beta1，取值 [0, 1)。</translation>
    </message>
    <message>
        <source>AdamW beta2, in [0, 1).</source>
        <translation>AdamW beta2，取值 [0, 1)。</translation>
    </message>
    <message>
        <source>Maximum global gradient norm; 0 disables clipping.</source>
        <translation>最大全局梯度范数；0 表示不裁剪。</translation>
    </message>
    <message>
        <source>LR the warmup starts from: a continued run can re-warm from its predecessor&apos;s final LR.</source>
        <translation>预热的起始学习率：继续训练的运行可从前一运行的最终学习率重新预热。</translation>
    </message>
    <message>
        <source>infinite: the plateau LR; 0: the peak lr.</source>
        <translation>infinite：平台期学习率；0：峰值 lr。</translation>
    </message>
    <message>
        <source>infinite: steps from lr down to constant_lr after warmup.</source>
        <translation>infinite：预热后从 lr 降到 constant_lr 的步数。</translation>
    </message>
    <message>
        <source>infinite: shape of the cooldown.</source>
        <translation>infinite：冷却的形状。</translation>
    </message>
    <message>
        <source>infinite: steps from constant_lr down to min_lr; 0: never anneal.</source>
        <translation>infinite：从 constant_lr 降到 min_lr 的步数；0：从不退火。</translation>
    </message>
    <message>
        <source>infinite: shape of the anneal.</source>
        <translation>infinite：退火的形状。</translation>
    </message>
    <message>
        <source>infinite: step the anneal starts; -1: the run&apos;s last anneal_steps steps.</source>
        <translation>infinite：退火开始的步；-1：运行的最后 anneal_steps 步。</translation>
    </message>
    <message>
        <source>D: total training tokens, = U x R. Chinchilla&apos;s compute-optimal budget is about 20 tokens per parameter (Hoffmann et al. 2022).</source>
        <translation>D：训练词元总数，= U x R。Chinchilla 的计算最优预算约为每参数 20 个词元（Hoffmann 等 2022）。</translation>
    </message>
    <message>
        <source>sequences</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Sequences per micro-batch (per process).</source>
        <translation>每个微批次的序列数（每进程）。</translation>
    </message>
    <message>
        <source>Micro-batches per optimizer step; tokens per step = batch_size x block_size x grad_accum.</source>
        <translation>每个优化步的微批次数；每步词元数 = batch_size x block_size x grad_accum。</translation>
    </message>
    <message>
        <source>Initialization, dropout, and which U tokens are chosen and in what order. Sweep it to see run-to-run noise.</source>
        <translation>初始化、dropout，以及选择哪些 U 个词元及其顺序。扫描它可观察运行间噪声。</translation>
    </message>
    <message>
        <source>Steps between validation evaluations; the overfitting onset is found at this resolution.</source>
        <translation>两次验证评估之间的步数；过拟合起点以此分辨率检测。</translation>
    </message>
    <message>
        <source>batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Fixed validation batches per evaluation (the same windows every time).</source>
        <translation>每次评估的固定验证批次（每次相同的窗口）。</translation>
    </message>
    <message>
        <source>Steps between checkpoints; 0: only at the end.</source>
        <translation>检查点之间的步数；0：仅在结束时。</translation>
    </message>
    <message>
        <source>auto picks CUDA (bf16 autocast) when available.</source>
        <translation>auto 在可用时选择 CUDA（bf16 自动混合精度）。</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>LibTorch intra-op threads; 0: all cores.</source>
        <translation>LibTorch 算子内线程数；0：全部核心。</translation>
    </message>
    <message>
        <source>Replay each step&apos;s forward and backward from a CUDA graph: one launch per step instead of hundreds, which small models on a GPU wait for. Dense or shared models, causal objective; on several ranks the gradients are all-reduced after the replay; no effect on the CPU.</source>
        <translation>从 CUDA 图重放每一步的前向和反向传播：每步一次启动而非数百次，GPU 上的小模型正是在等待这些启动。仅限 dense 或 shared 模型、causal 目标；多个 rank 时在重放之后对梯度做 all-reduce；在 CPU 上无效。</translation>
    </message>
    <message>
        <source>Training objective on the decoder. Under repetition UL2 degrades more than span corruption (Xue et al. 2023). Losses of different objectives are not comparable.</source>
        <translation>解码器上的训练目标。在重复数据下 UL2 比片段破坏退化得更多（Xue 等 2023）。不同目标的损失不可比较。</translation>
    </message>
    <message>
        <source>Span corruption: share of tokens corrupted (T5: 15%).</source>
        <translation>片段破坏：被破坏词元的比例（T5：15%）。</translation>
    </message>
    <message>
        <source>Span corruption: mean noise span length (T5: 3).</source>
        <translation>片段破坏：噪声片段的平均长度（T5：3）。</translation>
    </message>
    <message>
        <source>Masked LM: share of positions predicted (BERT: 15%).</source>
        <translation>掩码语言模型：被预测位置的比例（BERT：15%）。</translation>
    </message>
    <message>
        <source>Dropout on attention, residual branches and embeddings. The regularization that helps most against repetition; best 0.2-0.3 on MoE proxies (Xue et al. 2023).</source>
        <translation>作用于注意力、残差分支和嵌入的 dropout。对抗重复最有效的正则化；在 MoE 代理模型上最佳为 0.2-0.3（Xue 等 2023）。</translation>
    </message>
    <message>
        <source>Dropout on attention weights; overrides rate.</source>
        <translation>注意力权重上的 dropout；覆盖 rate。</translation>
    </message>
    <message>
        <source>Dropout on the attention and MLP outputs; overrides rate.</source>
        <translation>注意力和 MLP 输出上的 dropout；覆盖 rate。</translation>
    </message>
    <message>
        <source>Dropout on the embeddings; overrides rate.</source>
        <translation>嵌入上的 dropout；覆盖 rate。</translation>
    </message>
    <message>
        <source>When dropout is on. dropstage: off until start, then on; it reaches constant dropout&apos;s result with faster early training (Xue et al. 2023).</source>
        <translation>dropout 何时开启。dropstage：在 start 之前关闭，之后开启；以更快的早期训练达到恒定 dropout 的效果（Xue 等 2023）。</translation>
    </message>
    <message>
        <source>Where dropstage switches dropout on, or linear starts rising, in the dropout unit.</source>
        <translation>dropstage 开启 dropout 或 linear 开始上升的位置，以 dropout 单位计。</translation>
    </message>
    <message>
        <source>Where linear reaches the full rate, or early switches dropout off, in the dropout unit.</source>
        <translation>linear 达到完整比率或 early 关闭 dropout 的位置，以 dropout 单位计。</translation>
    </message>
    <message>
        <source>Unit of start and end: fraction of the run, steps, tokens or epochs of the run&apos;s corpus.</source>
        <translation>start 和 end 的单位：运行的比例、步数、词元数或运行语料的轮数。</translation>
    </message>
    <message>
        <source>Stochastic depth (Huang et al. 2016): rate of the last block, rising from 0 at the first. Helped a little in Xue et al. 2023.</source>
        <translation>随机深度（Huang 等 2016）：最后一块的比率，从第一块的 0 开始递增。在 Xue 等 2023 中略有帮助。</translation>
    </message>
    <message>
        <source>Label smoothing of the training loss; helped a little in Xue et al. 2023. The validation loss is never smoothed.</source>
        <translation>训练损失的标签平滑；在 Xue 等 2023 中略有帮助。验证损失从不平滑。</translation>
    </message>
    <message>
        <source>Further validation corpora, comma-separated: logs their loss and forgetting (its rise since the first evaluation).</source>
        <translation>更多验证语料，以逗号分隔：记录其损失和遗忘（自首次评估以来的上升）。</translation>
    </message>
    <message>
        <source>Built-in downstream tasks, comma-separated: cloze (LAMBADA-style), next_passage (HellaSwag-style).</source>
        <translation>内置下游任务，以逗号分隔：cloze（LAMBADA 式）、next_passage（HellaSwag 式）。</translation>
    </message>
    <message>
        <source>Multiple-choice JSONL files, comma-separated, scored as lm-evaluation-harness does.</source>
        <translation>多项选择 JSONL 文件，以逗号分隔，按 lm-evaluation-harness 的方式评分。</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>样例</translation>
    </message>
    <message>
        <source>Examples per built-in task.</source>
        <translation>每个内置任务的样例数。</translation>
    </message>
    <message>
        <source>evaluations</source>
        <translation>次评估</translation>
    </message>
    <message>
        <source>Score downstream tasks at every n-th evaluation (and at the last).</source>
        <translation>每第 n 次评估（以及最后一次）对下游任务评分。</translation>
    </message>
    <message>
        <source>Which examples the built-in tasks draw.</source>
        <translation>内置任务抽取哪些样例。</translation>
    </message>
    <message>
        <source>Relative rise of the smoothed validation loss over its best that counts as the onset of overfitting.</source>
        <translation>平滑验证损失相对其最佳值的上升幅度，超过即视为过拟合开始。</translation>
    </message>
    <message>
        <source>Evaluations the rise must last before the onset is reported.</source>
        <translation>上升须持续的评估次数，之后才报告起点。</translation>
    </message>
    <message>
        <source>EMA weight of the past in the smoothed validation loss.</source>
        <translation>平滑验证损失中过去值的 EMA 权重。</translation>
    </message>
    <message>
        <source>Continue from this finished run&apos;s checkpoint (id or name): a stage of continual pre-training.</source>
        <translation>从此已完成运行的检查点继续（ID 或名称）：持续预训练的一个阶段。</translation>
    </message>
    <message>
        <source>reset: fresh AdamW moments; keep: the checkpoint&apos;s.</source>
        <translation>reset：全新的 AdamW 矩；keep：使用检查点中的。</translation>
    </message>
    <message>
        <source>An earlier corpus to replay, against forgetting it (Ibrahim et al. 2024).</source>
        <translation>要回放的早期语料，以防遗忘（Ibrahim 等 2024）。</translation>
    </message>
    <message>
        <source>Share of every batch drawn from the replay corpus, replacing new tokens at equal compute. 5% suffices for a weak shift; a strong shift (English to German) needs about 25% (Ibrahim et al. 2024).</source>
        <translation>每个批次中取自回放语料的比例，在相同计算量下替换新词元。弱分布偏移 5% 即可；强偏移（英语到德语）约需 25%（Ibrahim 等 2024）。</translation>
    </message>
    <message>
        <source>Train the vocabulary on these corpora, comma-separated, so that every stage of a continual pre-training experiment shares one vocabulary.</source>
        <translation>在这些语料（以逗号分隔）上训练词表，使持续预训练实验的每个阶段共享同一词表。</translation>
    </message>
    <message>
        <source>Allowed: %1</source>
        <translation>允许：%1</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Optimizer and LR schedule</source>
        <translation>优化器与学习率调度</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>训练目标</translation>
    </message>
    <message>
        <source>Regularization and dropout</source>
        <translation>正则化与 Dropout</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Continual pre-training</source>
        <translation>持续预训练</translation>
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
        <source>vs baseline</source>
        <translation>相对基线</translation>
    </message>
    <message>
        <source>Too few evaluations to detect overfitting (%1 of the %2 it needs; evaluate more often: training.eval_interval)</source>
        <translation>评估次数太少，无法检测过拟合（%1 次，需要 %2 次；请更频繁地评估：training.eval_interval）</translation>
    </message>
    <message>
        <source>Validation loss rose for good after step %1 (epoch %2); the best was at step %3</source>
        <translation>验证损失在第 %1 步（第 %2 轮）之后持续上升；最佳值在第 %3 步</translation>
    </message>
    <message>
        <source>Overfits after step</source>
        <translation>开始过拟合的步数</translation>
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
