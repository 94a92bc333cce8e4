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
</context>
<context>
    <name>wb::DatabaseMessageWidget</name>
    <message>
        <source>Open database…</source>
        <translation>データベースを開く…</translation>
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
    <name>wb::RunListWindow</name>
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
</context>
</TS>
