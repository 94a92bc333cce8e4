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
</context>
<context>
    <name>wb::DatabaseMessageWidget</name>
    <message>
        <source>Open database…</source>
        <translation>打开数据库…</translation>
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
    <name>wb::RunListWindow</name>
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
</context>
</TS>
